// Runs a built Next app with `next start` on a free loopback port and waits until it answers;
// shared by the demo app's end-to-end test and the compat fixtures' runtime checks.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { freePort } from './free-port.mjs'

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url)
      if (response.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms`)
}

/**
 * `next start -H 127.0.0.1` in `appDir` (its own `node_modules/next`), with `env` added to the
 * process environment, on `port` (default: a free one). Resolves once `/` answers; `logs()` is
 * everything the server printed.
 */
export async function startNext(appDir, env = {}, port = undefined) {
  port ??= await freePort()
  const nextBin = join(appDir, 'node_modules/next/dist/bin/next')
  const child = spawn(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: appDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const collect = (chunk) => {
    output += chunk
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  const url = `http://127.0.0.1:${port}`
  try {
    await waitFor(url, 60_000)
  } catch (error) {
    child.kill('SIGTERM')
    throw new Error(`${error.message}\n${output}`)
  }
  return {
    url,
    port,
    logs: () => output,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', resolve)
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
      }),
  }
}
