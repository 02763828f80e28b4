// An app on React 18 (our peer range, like upstream's, includes it; the workspace itself runs 19):
// packs @flowglad/shared and @flowglad/react as they would be published, installs them with npm
// next to react 18 in a scratch folder (so nothing resolves the workspace's React 19), runs
// probe.mjs there and checks what it saw. Prints one line per check and `N passed, N failed`.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pnpmCommand } from '../../scripts/pnpm-command.mjs'

const root = new URL('../../', import.meta.url).pathname
const here = new URL('.', import.meta.url).pathname
const pinned = ['react@18.3.1', 'react-dom@18.3.1', 'happy-dom@21.0.4']
const scratch = mkdtempSync(join(tmpdir(), 'flowglad-react18-'))

const results = []
function check(name, ok, detail) {
  results.push(ok)
  console.log(`${ok ? 'ok' : 'not ok'} ${name}`)
  if (!ok && detail !== undefined) console.log(String(detail).slice(0, 2000))
}

try {
  const [pnpm, prefix] = pnpmCommand()
  for (const pkg of ['shared', 'react']) {
    // pnpm pack writes workspace:* as the real version, as publishing does.
    execFileSync(pnpm, [...prefix, 'pack', '--pack-destination', scratch], {
      cwd: join(root, 'packages', pkg),
      stdio: 'ignore',
    })
  }
  const tarballs = readdirSync(scratch).filter((name) => name.endsWith('.tgz'))
  writeFileSync(
    join(scratch, 'package.json'),
    '{ "name": "react18-app", "private": true, "type": "module" }\n',
  )
  execFileSync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...tarballs.map((t) => `./${t}`),
      ...pinned,
    ],
    { cwd: scratch, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  copyFileSync(join(here, 'probe.mjs'), join(scratch, 'probe.mjs'))
  const seen = JSON.parse(
    execFileSync(process.execPath, ['probe.mjs'], {
      cwd: scratch,
      encoding: 'utf8',
      timeout: 60_000,
    })
      .trim()
      .split('\n')
      .at(-1),
  )
  check(`the app runs React ${seen.react}`, seen.react.startsWith('18.'), seen.react)
  check('the provider renders on the server', seen.serverHtml === '<p>loading</p>', seen.serverHtml)
  check(
    'in the browser, billing loads through the app route',
    seen.clientHtml === '<p>loaded ada@example.com</p>' &&
      seen.requests[0]?.action === 'customers/billing',
    JSON.stringify(seen),
  )
  const sent = seen.requests.find((request) => request.action === 'usage-events/create')
  check(
    'createUsageEvent posts the event (with a transactionId) and returns its id',
    seen.usageEvent?.usageEvent?.id === 'usage_event_1' &&
      sent?.body.usageMeterSlug === 'tokens' &&
      sent?.body.amount === 3 &&
      typeof sent?.body.transactionId === 'string',
    JSON.stringify(seen),
  )
} catch (error) {
  check('pack, install and run the React 18 app', false, error?.stderr ?? error?.stack ?? error)
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
const passed = results.filter(Boolean).length
console.log(`${passed} passed, ${results.length - passed} failed`)
process.exit(results.every(Boolean) ? 0 : 1)
