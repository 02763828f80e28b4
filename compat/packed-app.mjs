// A scratch app outside the workspace with our packages installed as they would be from the
// registry: each is packed (`pnpm pack` writes workspace:* as the real version), then npm installs
// the tarballs next to the app's own dependencies. Workspace links cannot stand in for this: a
// linked package resolves `react` from its own devDependencies, not from the app.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pnpmCommand } from '../scripts/pnpm-command.mjs'

const root = new URL('../', import.meta.url).pathname

/**
 * Packs `packages` (folder names under packages/), installs them with `dependencies` (pinned
 * `name@version` specs) into a new folder and returns it; `remove()` deletes it.
 */
export function packedApp(name, packages, dependencies) {
  const dir = mkdtempSync(join(tmpdir(), `flowglad-${name}-`))
  const [pnpm, prefix] = pnpmCommand()
  for (const pkg of packages) {
    execFileSync(pnpm, [...prefix, 'pack', '--pack-destination', dir], {
      cwd: join(root, 'packages', pkg),
      stdio: 'ignore',
    })
  }
  const tarballs = readdirSync(dir).filter((file) => file.endsWith('.tgz'))
  const manifest = { name, private: true, type: 'module' }
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  execFileSync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...tarballs.map((file) => `./${file}`),
      ...dependencies,
    ],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
