// Starts the emulator (in-process, loopback, free port) and the built Next app (next start).
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { freePort } from '../../../scripts/free-port.mjs'

const appDir = fileURLToPath(new URL('..', import.meta.url))

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
 * Registers the app's webhook route with the emulator before the app starts (its port is
 * known), so every event reaches it; returns the signing secret the app verifies with.
 */
async function registerWebhook(emulatorUrl, secretKey, appUrl) {
  const headers = { authorization: secretKey, 'content-type': 'application/json' }
  const { pricingModel } = await (
    await fetch(`${emulatorUrl}/api/v1/pricing-models/default`, { headers })
  ).json()
  const response = await fetch(`${emulatorUrl}/api/v1/webhooks`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      webhook: {
        name: 'Demo app',
        url: `${appUrl}/api/webhooks/flowglad`,
        filterTypes: [
          'customer.created',
          'customer.updated',
          'purchase.completed',
          'payment.succeeded',
          'payment.failed',
          'subscription.created',
          'subscription.updated',
          'subscription.canceled',
        ],
        pricingModelId: pricingModel.id,
      },
    }),
  })
  if (!response.ok)
    throw new Error(`webhook registration: ${response.status} ${await response.text()}`)
  return (await response.json()).secret
}

export async function startNextApp({ emulatorUrl, secretKey }) {
  const port = await freePort()
  const webhookSecret = await registerWebhook(emulatorUrl, secretKey, `http://127.0.0.1:${port}`)
  const nextBin = fileURLToPath(new URL('../node_modules/next/dist/bin/next', import.meta.url))
  const child = spawn(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: appDir,
    env: {
      ...process.env,
      FLOWGLAD_BASE_URL: emulatorUrl,
      FLOWGLAD_SECRET_KEY: secretKey,
      FLOWGLAD_WEBHOOK_SECRET: webhookSecret,
      NEXT_TELEMETRY_DISABLED: '1',
    },
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
    logs: () => output,
    close: () =>
      new Promise((resolve) => {
        child.once('exit', resolve)
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
      }),
  }
}
