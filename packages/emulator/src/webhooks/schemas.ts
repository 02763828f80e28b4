import * as z from 'zod'
import { WEBHOOK_EVENT_TYPES } from './event-types.js'

const filterTypes = z.array(z.enum(WEBHOOK_EVENT_TYPES))
// Delivery goes to plain HTTP(S) URLs only (a local app is usually http://127.0.0.1:3000).
const url = z.url({ protocol: /^https?$/ })

export const webhookCreateBody = z.object({
  webhook: z.object({
    filterTypes,
    url,
    name: z.string(),
    active: z.boolean().optional(),
    pricingModelId: z.string(),
  }),
})

export const webhookUpdateBody = z.object({
  webhook: z.object({
    id: z.string(),
    filterTypes,
    url,
    name: z.string().optional(),
    active: z.boolean().optional(),
  }),
})
