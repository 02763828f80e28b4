'use client'

import { useBilling } from '@flowglad/nextjs'
import { advanceEmulatorClock } from '@/app/actions'
import { WebhookLog } from './WebhookLog'

interface Props {
  pending: boolean
  run: (work: () => Promise<string>) => void
}

const formatCents = (cents: number) => `$${(cents / 100).toFixed(2)}`

/** Emulator-only controls: move time past the period end and see what was invoiced. */
export function DevPanel({ pending, run }: Props) {
  const billing = useBilling()
  if (!billing.loaded || billing.errors) return null

  const advance = () =>
    run(async () => {
      const result = await advanceEmulatorClock(31)
      if (result.error) return `Error: ${result.error}`
      await billing.reload()
      return 'Advanced the emulator clock by a month'
    })

  return (
    <section className="card">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2>Dev panel</h2>
        <button type="button" disabled={pending} onClick={advance} data-testid="advance-month">
          Advance clock one month
        </button>
      </div>
      <h3>Invoices</h3>
      {billing.invoices.length === 0 ? (
        <p className="muted" data-testid="no-invoices">
          No invoices yet.
        </p>
      ) : (
        billing.invoices.map(({ invoice, invoiceLineItems }) => {
          const total = invoiceLineItems.reduce((sum, item) => sum + item.price * item.quantity, 0)
          return (
            <div
              key={invoice.id}
              data-testid="invoice"
              data-total={total}
              data-subscription={invoice.subscriptionId ?? ''}
            >
              <p>
                <strong>{invoice.invoiceNumber}</strong> · {invoice.status} · total{' '}
                <span data-testid="invoice-total">{formatCents(total)}</span>
              </p>
              <table>
                <tbody>
                  {invoiceLineItems.map((item) => (
                    <tr key={item.id} data-testid="invoice-line">
                      <td>{item.description}</td>
                      <td>× {item.quantity}</td>
                      <td>{formatCents(item.price)}</td>
                      <td>{formatCents(item.price * item.quantity)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        })
      )}
      <WebhookLog />
    </section>
  )
}
