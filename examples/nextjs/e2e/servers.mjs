// Starts the emulator (in-process, loopback, free port) and the built Next app (next start).
import { fileURLToPath } from 'node:url'
import { freePort } from '../../../scripts/free-port.mjs'
import { startNext } from '../../../scripts/next-start.mjs'

const appDir = fileURLToPath(new URL('..', import.meta.url))

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
  // The webhook URL names the app's port before the app starts: register, then start there.
  const port = await freePort()
  const webhookSecret = await registerWebhook(emulatorUrl, secretKey, `http://127.0.0.1:${port}`)
  return startNext(
    appDir,
    {
      FLOWGLAD_BASE_URL: emulatorUrl,
      FLOWGLAD_SECRET_KEY: secretKey,
      FLOWGLAD_WEBHOOK_SECRET: webhookSecret,
    },
    port,
  )
}
