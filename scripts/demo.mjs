// `npm run demo`: install, build, start the emulator (the example's pricing.yaml, state kept under
// the example app)
// and the example Next.js app on 127.0.0.1, print the URL; Ctrl-C stops both.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const appDir = join(root, 'examples', 'nextjs')
const PNPM = ['--yes', 'pnpm@10.34.9']
const emulatorPort = process.env.EMULATOR_PORT ?? '4010'
const appPort = process.env.PORT ?? '3000'
const secretKey = process.env.FLOWGLAD_SECRET_KEY ?? 'sk_test_demo'
const baseURL = process.env.FLOWGLAD_BASE_URL ?? `http://127.0.0.1:${emulatorPort}`
const useEmulator = !process.env.FLOWGLAD_BASE_URL
// The emulator signs its webhooks to the app's route with this; the app verifies with it.
const webhookSecret =
  process.env.FLOWGLAD_WEBHOOK_SECRET ?? `whsec_${randomBytes(24).toString('base64')}`

function step(args) {
  console.log(`$ pnpm ${args.join(' ')}`)
  const result = spawnSync('npx', [...PNPM, ...args], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

step(['install', '--frozen-lockfile'])
step([
  'exec',
  'turbo',
  'run',
  'build',
  '--filter=@flowglad/example-nextjs...',
  '--output-logs=errors-only',
])

const children = []
function start(name, args, env = {}) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  })
  child.stdout.on('data', (chunk) => process.stdout.write(`[${name}] ${chunk}`))
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${name} exited with ${code}; stopping the demo`)
      stop(code ?? 1)
    }
  })
  children.push(child)
  return child
}

let stopping = false
function stop(code = 0) {
  stopping = true
  for (const child of children) child.kill('SIGTERM')
  setTimeout(() => process.exit(code), 500).unref()
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

if (useEmulator) {
  start('emulator', [
    join(root, 'packages', 'emulator', 'dist', 'cli.js'),
    '--host',
    '127.0.0.1',
    '--port',
    emulatorPort,
    '--pricing',
    join(appDir, 'pricing.yaml'),
    '--state',
    join(appDir, '.emulator-state.json'),
    '--webhook-url',
    `http://127.0.0.1:${appPort}/api/webhooks/flowglad`,
    '--webhook-secret',
    webhookSecret,
  ])
}
start(
  'app',
  [
    join(appDir, 'node_modules', 'next', 'dist', 'bin', 'next'),
    'start',
    appDir,
    '-H',
    '127.0.0.1',
    '-p',
    appPort,
  ],
  {
    FLOWGLAD_BASE_URL: baseURL,
    FLOWGLAD_SECRET_KEY: secretKey,
    FLOWGLAD_WEBHOOK_SECRET: webhookSecret,
    NEXT_TELEMETRY_DISABLED: '1',
  },
)

// Print the URL once the app answers, so it is the last thing on screen when it is usable.
async function waitUntilUp(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline && !stopping) {
    try {
      await fetch(url)
      return true
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  return false
}

const appURL = `http://127.0.0.1:${appPort}`
if (await waitUntilUp(appURL)) {
  console.log(`\nDemo: open ${appURL}`)
  if (useEmulator)
    console.log(
      `Emulator dashboard: ${baseURL}/  (state kept in examples/nextjs/.emulator-state.json)`,
    )
  console.log('Press Ctrl-C to stop both.\n')
} else if (!stopping) {
  console.error(`The app did not answer at ${appURL} within a minute; stopping.`)
  stop(1)
}
