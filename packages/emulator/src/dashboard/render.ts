import type { ResourceUsage } from '../domain/resource-claims.js'
import { html, isoDate, money, type SafeHtml } from '../html.js'
import type { CustomerLine, DashboardModel, MeterLine } from './model.js'

const fmt = (n: number) => n.toLocaleString('en-US')

/**
 * Stored properties are checked on the way in (depth and size), so this cannot overflow; the
 * fallback only guards a state edited by hand, so one row can never take the page down.
 */
function propertiesText(properties: Record<string, unknown> | null): string {
  if (!properties) return ''
  try {
    return JSON.stringify(properties)
  } catch {
    return '(not printable)'
  }
}

function bar(meter: MeterLine): SafeHtml {
  // Share of this period's usage against what was available (usage + remaining balance).
  const available = meter.aggregate + Math.max(0, meter.balance ?? 0)
  const pct = available > 0 ? Math.min(100, Math.round((meter.aggregate / available) * 100)) : 0
  const over = (meter.balance ?? 0) < 0
  return html`<div class="bar${over ? ' over' : ''}" title="${pct}% of available credits used" role="img" aria-label="${pct}% used"><span style="width:${pct}%"></span></div>`
}

function meters(lines: MeterLine[]): SafeHtml {
  if (lines.length === 0) return html``
  return html`<table><thead><tr><th>Meter</th><th class="num">This period</th><th class="num">Balance</th><th></th></tr></thead><tbody>
${lines.map(
  (
    m,
  ) => html`<tr data-meter="${m.slug}"><td>${m.name} <span class="muted">(${m.slug}, ${m.aggregationType})</span></td>
<td class="num" data-field="aggregate">${fmt(m.aggregate)}</td>
<td class="num" data-field="balance">${m.balance === null ? '–' : fmt(m.balance)}</td><td>${bar(m)}</td></tr>`,
)}</tbody></table>`
}

function resources(lines: ResourceUsage[]): SafeHtml {
  if (lines.length === 0) return html``
  return html`<table><thead><tr><th>Resource</th><th class="num">Claimed</th><th class="num">Capacity</th><th class="num">Available</th></tr></thead><tbody>
${lines.map(
  (r) => html`<tr data-resource="${r.resourceSlug}"><td>${r.resourceSlug}</td>
<td class="num" data-field="claimed">${fmt(r.claimed)}</td><td class="num" data-field="capacity">${fmt(r.capacity)}</td><td class="num" data-field="available">${fmt(r.available)}</td></tr>`,
)}</tbody></table>`
}

function customer(line: CustomerLine): SafeHtml {
  const { customer: c } = line
  return html`<section class="card" data-customer="${c.externalId}">
<h2>${c.name} <span class="muted">${c.externalId} · ${c.email}${c.archived ? ' · archived' : ''}</span></h2>
${line.subscriptions.map(
  ({
    subscription: s,
    priceSlug,
    meters: m,
    resources: r,
  }) => html`<div data-subscription="${s.id}">
<h3>${s.name ?? s.id} — <span data-field="status">${s.status}</span></h3>
<p class="muted">${priceSlug ?? s.priceId} · current period ${isoDate(s.currentBillingPeriodStart)} → ${isoDate(s.currentBillingPeriodEnd)}</p>
${meters(m)}${resources(r)}</div>`,
)}
<h3>Invoices</h3>
${
  line.invoices.length === 0
    ? html`<p class="muted">No invoices yet.</p>`
    : line.invoices.map(
        ({
          invoice: inv,
          invoiceLineItems,
          total,
        }) => html`<div data-invoice="${inv.invoiceNumber}">
<p><strong>${inv.invoiceNumber}</strong> · ${inv.status} · ${isoDate(inv.billingPeriodStartDate)} → ${isoDate(inv.billingPeriodEndDate)} · total <span data-field="total">${money(total, inv.currency)}</span></p>
<table><thead><tr><th>Description</th><th class="num">Qty</th><th class="num">Unit</th><th class="num">Amount</th></tr></thead><tbody>
${invoiceLineItems.map(
  (l) =>
    html`<tr><td>${l.description}</td><td class="num">${fmt(l.quantity)}</td><td class="num">${money(l.price, inv.currency)}</td><td class="num">${money(l.price * l.quantity, inv.currency)}</td></tr>`,
)}</tbody></table></div>`,
      )
}
</section>`
}

/** The read-only dashboard body (server-rendered; every value escaped by `html`). */
export function renderDashboard(model: DashboardModel): SafeHtml {
  return html`<h1>Flowglad emulator</h1>
<p class="muted">Emulator time <span data-field="now">${isoDate(model.now)}</span> · ${fmt(model.customers.length)} customers · ${fmt(model.eventCount)} usage events · reload to refresh</p>
${model.customers.length === 0 ? html`<p>No customers yet.</p>` : model.customers.map(customer)}
<h2>Last ${Math.min(50, model.recentEvents.length)} usage events</h2>
<table id="events"><thead><tr><th>When</th><th>Customer</th><th>Meter</th><th class="num">Amount</th><th>Transaction</th><th>Properties</th></tr></thead><tbody>
${model.recentEvents.map(
  ({ event, externalId, meterSlug }) =>
    html`<tr><td>${isoDate(event.createdAt)}</td><td>${externalId}</td><td>${meterSlug}</td><td class="num">${fmt(event.amount)}</td><td><code>${event.transactionId}</code></td><td><code>${propertiesText(event.properties)}</code></td></tr>`,
)}</tbody></table>`
}
