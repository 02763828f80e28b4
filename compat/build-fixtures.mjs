// Builds each fixture app with its own `next build` (one at a time: a build uses both cores),
// prints one line per app and closes with `N passed, N failed`. A build passes only if Next's
// own type checks (route exports, strict app code) pass too: the apps set no ignoreBuildErrors.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const compatDir = new URL('.', import.meta.url).pathname
const apps = ['next15-app', 'next16-app']

let passed = 0
let failed = 0
for (const app of apps) {
  const cwd = join(compatDir, app)
  const { version } = JSON.parse(readFileSync(join(cwd, 'node_modules/next/package.json'), 'utf8'))
  const result = spawnSync(join(cwd, 'node_modules/.bin/next'), ['build'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  })
  if (result.status === 0) {
    passed++
    console.log(`ok ${app}: next build (Next ${version})`)
  } else {
    failed++
    console.log(`not ok ${app}: next build (Next ${version}) exited ${result.status}`)
    console.log(`${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}`.trim())
  }
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
