// One way for every browser test to get a headless Chromium, on any machine: CHROMIUM_PATH if
// set, else an installed Chrome/Chromium, else the Linux build that the @sparticuz/chromium npm
// package ships (so a fresh clone needs no apt step and no browser download).
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createBrotliDecompress } from 'node:zlib'
import { chromium } from 'playwright-core'

const INSTALLED = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
]

/** Flags that keep Chromium quiet on a machine with no network but loopback. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/** Where the browser comes from: `{ executablePath, source }`. Throws with a fix when none works. */
export async function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH)) {
      throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist; unset it or fix the path`)
    }
    return { executablePath: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' }
  }
  const installed = INSTALLED.find((path) => existsSync(path))
  if (installed) return { executablePath: installed, source: 'installed' }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('No Chrome/Chromium found: install one or set CHROMIUM_PATH')
  }
  return { executablePath: await unpackPackagedChromium(), source: '@sparticuz/chromium' }
}

/**
 * Decompresses the package's `bin/chromium.br` once per version. Each caller writes its own
 * temporary file and renames it into place, so parallel test processes never run a half-written
 * binary (the package's own unpacker checks only that the file exists).
 */
async function unpackPackagedChromium() {
  const require = createRequire(import.meta.url)
  const packageRoot = join(dirname(require.resolve('@sparticuz/chromium')), '..', '..')
  const { version } = require(join(packageRoot, 'package.json'))
  const dir = join(tmpdir(), `flowglad-chromium-${version}`)
  const binary = join(dir, 'chromium')
  if (existsSync(binary)) return binary
  mkdirSync(dir, { recursive: true })
  const partial = `${binary}.${process.pid}.${Date.now()}.partial`
  await pipeline(
    createReadStream(join(packageRoot, 'bin', 'chromium.br')),
    createBrotliDecompress(),
    createWriteStream(partial, { mode: 0o755 }),
  )
  renameSync(partial, binary)
  return binary
}

/** Launches headless Chromium through playwright-core; `options` go to `chromium.launch`. */
export async function launchChromium(options = {}) {
  const { executablePath, source } = await findChromium()
  const browser = await chromium.launch({
    ...options,
    executablePath,
    args: [...CHROMIUM_FLAGS, ...(options.args ?? [])],
  })
  return Object.assign(browser, { chromiumSource: source })
}
