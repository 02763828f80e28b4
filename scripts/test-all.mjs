// The one test command (`npm test`): bootstraps the pinned pnpm, installs, builds, then runs
// every suite and closes with a single `N passed, N failed` line summed over all of them.
// Each suite reports its own counts; a suite that crashes before reporting counts as one failure.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { pnpmCommand } from './pnpm-command.mjs'

const root = new URL('..', import.meta.url).pathname
const resultsDir = join(root, 'test-results')
mkdirSync(resultsDir, { recursive: true })

function sh(command, args, options = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`)
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
  })
  if (options.capture && result.stdout) process.stdout.write(result.stdout)
  return result
}

const [pnpmBin, pnpmPrefix] = pnpmCommand()
const pnpm = (args, options) => sh(pnpmBin, [...pnpmPrefix, ...args], options)

const tally = { passed: 0, failed: 0 }
const summary = []
function record(name, passed, failed) {
  tally.passed += passed
  tally.failed += failed
  summary.push(`${failed === 0 ? '✓' : '✗'} ${name} (${passed} ok, ${failed} not ok)`)
}
function recordExit(name, result) {
  record(name, result.status === 0 ? 1 : 0, result.status === 0 ? 0 : 1)
}
function lastCountLine(text) {
  const matches = [...String(text).matchAll(/(\d+) passed, (\d+) failed/g)]
  const last = matches.at(-1)
  return last ? [Number(last[1]), Number(last[2])] : null
}
function recordCounted(name, result) {
  const counts = lastCountLine(result.stdout)
  if (counts && (result.status === 0 || counts[1] > 0)) record(name, counts[0], counts[1])
  else record(name, 0, 1)
}

const install = pnpm(['install', '--frozen-lockfile'])
if (install.status !== 0) {
  record('install', 0, 1)
} else {
  recordExit('build (turbo)', pnpm(['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']))
  recordExit('lint + format (biome ci)', pnpm(['exec', 'biome', 'ci', '.']))
  recordExit(
    'typecheck (turbo)',
    pnpm(['exec', 'turbo', 'run', 'typecheck', '--output-logs=errors-only']),
  )

  const vitestJson = join(resultsDir, 'vitest.json')
  // A report left by an earlier run must not stand in for a run that crashed before writing one.
  rmSync(vitestJson, { force: true })
  const vitest = pnpm([
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestJson}`,
  ])
  if (existsSync(vitestJson)) {
    const report = JSON.parse(readFileSync(vitestJson, 'utf8'))
    const failed =
      report.numFailedTests + (vitest.status !== 0 && report.numFailedTests === 0 ? 1 : 0)
    record('unit + integration (vitest)', report.numPassedTests, failed)
  } else {
    record('unit + integration (vitest)', 0, 1)
  }

  recordCounted(
    'packaging (publint, attw, ESM/CJS imports)',
    sh(process.execPath, ['scripts/check-packages.mjs'], { capture: true }),
  )

  const counted = [
    ['demo app end-to-end (Playwright + Chromium)', ['examples/nextjs/e2e/run.mjs']],
    ['benchmarks, smoke mode (no speed assertions)', ['bench/run.mjs', '--smoke']],
    [
      'fixture apps: next build and an MCP request on Next 15.5 and 16',
      ['compat/build-fixtures.mjs'],
    ],
    ['React 18 app: the packed packages installed with npm', ['compat/react18/run.mjs']],
    [
      'Next 14 app on React 18: the packed packages, next build and start',
      ['compat/next14/run.mjs'],
    ],
  ]
  for (const [name, args] of counted) {
    if (!existsSync(join(root, args[0]))) {
      record(`${name}: ${args[0]} is missing`, 0, 1)
      continue
    }
    recordCounted(name, sh(process.execPath, args, { capture: true }))
  }
}

console.log(`\n${summary.join('\n')}`)
console.log(`${tally.passed} passed, ${tally.failed} failed`)
process.exit(tally.failed === 0 ? 0 : 1)
