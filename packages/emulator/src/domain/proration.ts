import { newId } from '../ids.js'
import type { State } from '../store/state.js'
import type { StaticLineItemRow, SubscriptionItemRow } from '../store/types.js'
import type { AdjustmentPlan } from './adjustments.js'
import { day, recordInvoice } from './invoices.js'

const names = (items: { name: string | null }[]) =>
  items.map((item) => item.name ?? 'item').join(' + ')

/**
 * Invoices an immediate adjustment's proration now: one static line of `prorationAmount`
 * (the new minus the old per-period total, for the share of the period left).
 */
export function invoiceProration(
  state: State,
  plan: AdjustmentPlan,
  added: SubscriptionItemRow[],
  now: number,
): void {
  const { sub, period } = plan
  const invoiceId = newId('inv')
  const line: StaticLineItemRow = {
    id: newId('inv_li'),
    createdAt: now,
    updatedAt: now,
    livemode: state.livemode,
    invoiceId,
    pricingModelId: sub.pricingModelId,
    type: 'static',
    ledgerAccountId: null,
    ledgerAccountCredit: null,
    description: `Proration: ${names(plan.current)} → ${names(added)} (${day(now)} – ${day(period.endDate)})`,
    price: plan.prorationAmount,
    quantity: 1,
    priceId: added[0]?.priceId ?? null,
  }
  recordInvoice(state, sub, period, invoiceId, [line], { at: now, endDate: period.endDate })
}
