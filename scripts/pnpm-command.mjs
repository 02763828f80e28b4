// The pinned pnpm, as `[command, prefixArgs]`: the installed one when it is that version, else
// through npx (a fresh machine has none). Shared by the test command and scripts it runs.
import { spawnSync } from 'node:child_process'

export const PNPM_VERSION = '10.34.9'

export function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' })
  if (probe.status === 0 && probe.stdout.trim() === PNPM_VERSION) return ['pnpm', []]
  return ['npx', ['--yes', `pnpm@${PNPM_VERSION}`]]
}
