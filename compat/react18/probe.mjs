// Runs inside the scratch app run.mjs installs (React 18, the packed @flowglad/react): renders
// the provider on the server, then in a DOM (happy-dom) where billing loads and a usage event is
// sent through a fake app route. Prints one JSON line of what it saw; run.mjs judges it.
import { Window } from 'happy-dom'
import React from 'react'
import { renderToString } from 'react-dom/server'

const window = new Window({ url: 'http://app.test/' })
for (const name of ['document', 'navigator', 'HTMLElement', 'Node', 'Event', 'MutationObserver']) {
  globalThis[name] ??= window[name]
}
globalThis.window ??= window
const { createRoot } = await import('react-dom/client')
const { FlowgladProvider, useBilling } = await import('@flowglad/react')

const billing = {
  customer: { id: 'cus_1', externalId: 'user_1', email: 'ada@example.com', name: 'Ada' },
  subscriptions: [],
  currentSubscription: { id: 'sub_1' },
  currentSubscriptions: [
    { id: 'sub_1', experimental: { featureItems: [], usageMeterBalances: [] } },
  ],
  catalog: { products: [], usageMeters: [] },
  pricingModel: { products: [], usageMeters: [] },
  invoices: [],
  paymentMethods: [],
  purchases: [],
  billingPortalUrl: null,
}
const answers = {
  'customers/billing': billing,
  'usage-events/create': { usageEvent: { id: 'usage_event_1' } },
}
const requests = []
const fetch = async (url, init) => {
  const action = String(url).split('/api/flowglad/')[1]
  requests.push({ action, body: JSON.parse(String(init.body ?? '{}')) })
  return new Response(JSON.stringify({ data: answers[action] ?? null, error: null }), {
    headers: { 'content-type': 'application/json' },
  })
}

let billingState
function Probe() {
  billingState = useBilling()
  return React.createElement(
    'p',
    null,
    billingState.loaded ? `loaded ${billingState.customer?.email}` : 'loading',
  )
}
const app = React.createElement(
  FlowgladProvider,
  { requestConfig: { fetch } },
  React.createElement(Probe),
)

const serverHtml = renderToString(app)
const container = document.createElement('div')
document.body.appendChild(container)
createRoot(container).render(app)
for (let tries = 0; tries < 250 && !billingState?.loaded; tries++) {
  await new Promise((resolve) => setTimeout(resolve, 20))
}
const clientHtml = container.innerHTML
const usageEvent = await billingState.createUsageEvent({ usageMeterSlug: 'tokens', amount: 3 })
console.log(JSON.stringify({ react: React.version, serverHtml, clientHtml, usageEvent, requests }))
process.exit(0)
