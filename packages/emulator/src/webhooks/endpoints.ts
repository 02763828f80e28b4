import { badRequest, notFound } from '../errors.js'
import { newId } from '../ids.js'
import type { WebhookEventType } from './event-types.js'
import { newSigningSecret } from './signing.js'

/** A registered endpoint, in the wire shape of the OpenAPI document's `webhook` object. */
export interface WebhookRow {
  id: string
  createdAt: number
  updatedAt: number
  livemode: boolean
  filterTypes: WebhookEventType[]
  organizationId: string
  url: string
  name: string
  active: boolean
  pricingModelId: string
}

export interface WebhookRegistration {
  url: string
  filterTypes: WebhookEventType[]
  name: string
  active?: boolean
  pricingModelId: string
  /** Use this `whsec_...` secret instead of a generated one (e.g. one the app already has). */
  secret?: string
}

export type WebhookUpdate = Partial<Pick<WebhookRow, 'filterTypes' | 'url' | 'name' | 'active'>>

const SECRET_FORMAT = /^whsec_[A-Za-z0-9+/]+={0,2}$/

/**
 * The emulator's webhook endpoints and their signing secrets. Deliberately not part of the
 * billing state: `reset()` and `importState()` keep them, and snapshots never contain secrets.
 */
export class WebhookEndpoints {
  private readonly rows = new Map<string, { row: WebhookRow; secret: string }>()

  constructor(private readonly owner: () => { organizationId: string; livemode: boolean }) {}

  create(input: WebhookRegistration, now: number): { webhook: WebhookRow; secret: string } {
    if (input.secret !== undefined && !SECRET_FORMAT.test(input.secret)) {
      throw badRequest('Invalid secret: expected whsec_ followed by base64')
    }
    const { organizationId, livemode } = this.owner()
    const row: WebhookRow = {
      id: newId('webhook'),
      createdAt: now,
      updatedAt: now,
      livemode,
      filterTypes: [...input.filterTypes],
      organizationId,
      url: input.url,
      name: input.name,
      active: input.active ?? true,
      pricingModelId: input.pricingModelId,
    }
    const secret = input.secret ?? newSigningSecret()
    this.rows.set(row.id, { row, secret })
    return { webhook: row, secret }
  }

  get(id: string): WebhookRow {
    const entry = this.rows.get(id)
    if (!entry) throw notFound(`Webhook not found: ${id}`)
    return entry.row
  }

  secretOf(id: string): string | undefined {
    return this.rows.get(id)?.secret
  }

  update(id: string, update: WebhookUpdate, now: number): WebhookRow {
    const row = this.get(id)
    if (update.filterTypes !== undefined) row.filterTypes = [...update.filterTypes]
    if (update.url !== undefined) row.url = update.url
    if (update.name !== undefined) row.name = update.name
    if (update.active !== undefined) row.active = update.active
    row.updatedAt = now
    return row
  }

  list(): WebhookRow[] {
    return [...this.rows.values()].map((entry) => entry.row)
  }

  /** The active endpoints that asked for `type`. */
  subscribedTo(type: WebhookEventType): WebhookRow[] {
    return this.list().filter((row) => row.active && row.filterTypes.includes(type))
  }
}
