import { html, type SafeHtml } from '../html.js'
import type { WebhookDelivery } from './deliveries.js'
import type { EmulatorWebhooks } from './hub.js'

const SHOWN = 50

function attemptsCell(delivery: WebhookDelivery): SafeHtml {
  return html`${delivery.attempts.map(
    (attempt) =>
      html`<div>#${attempt.attempt}${attempt.replay ? ' (replay)' : ''}: ${attempt.status ?? '—'} in ${attempt.durationMs} ms${attempt.error ? html` · <span class="muted">${attempt.error}</span>` : ''}${attempt.responseBody ? html` · <code>${attempt.responseBody.slice(0, 120)}</code>` : ''}</div>`,
  )}`
}

/** The dashboard's webhook section: endpoints, then the latest deliveries with every attempt. */
export function renderWebhooks(webhooks: EmulatorWebhooks): SafeHtml {
  const endpoints = webhooks.endpoints()
  const deliveries = webhooks.deliveries().slice(0, SHOWN)
  return html`<h2>Webhooks</h2>
${
  endpoints.length === 0
    ? html`<p class="muted">No webhook endpoints. Register one with <code>--webhook-url</code> or <code>POST /api/v1/webhooks</code>.</p>`
    : html`<ul id="webhook-endpoints">${endpoints.map(
        (endpoint) =>
          html`<li><code>${endpoint.url}</code> · ${endpoint.active ? 'active' : 'paused'} · ${endpoint.filterTypes.join(', ')}</li>`,
      )}</ul>`
}
<table id="webhook-deliveries"><thead><tr><th>Event</th><th>Endpoint</th><th>Status</th><th>Attempts (status, time, answer)</th><th>Replay</th></tr></thead><tbody>
${deliveries.map(
  (delivery) =>
    html`<tr data-delivery="${delivery.id}"><td>${delivery.eventType}<br><code class="muted">${delivery.eventId}</code></td><td><code>${delivery.url}</code></td><td>${delivery.status}</td><td>${attemptsCell(delivery)}</td><td><code>POST /_emulator/webhook-deliveries/${delivery.id}/replay</code></td></tr>`,
)}</tbody></table>`
}
