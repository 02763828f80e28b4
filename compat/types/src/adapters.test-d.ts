// Apps pass a plain `(id) => new FlowgladServer({...})` factory to every adapter, under
// `strict` + `exactOptionalPropertyTypes` (this project's tsconfig). Each call must compile.

import { nextRouteHandler, pagesRouteHandler } from '@flowglad/nextjs/server'
import { createFlowgladHandler, FlowgladServer, requestHandler } from '@flowglad/server'
import { expressRouter } from '@flowglad/server/express'
import type { NextRequest } from 'next/server'
import type { Equal, Expect } from './required-keys.js'

const flowglad = (customerExternalId: string) =>
  new FlowgladServer({
    customerExternalId,
    getCustomerDetails: async () => ({ email: 'ada@example.com', name: 'Ada' }),
  })
const asyncFlowglad = async (customerExternalId: string) => flowglad(customerExternalId)
const customerId = async () => 'user_1'

export const next = nextRouteHandler({ flowglad, getCustomerExternalId: customerId })
export const nextAsync = nextRouteHandler({
  flowglad: asyncFlowglad,
  getCustomerExternalId: customerId,
})
export const pages = pagesRouteHandler({ flowglad, getCustomerExternalId: customerId })
export const plain = requestHandler({ flowglad, getCustomerExternalId: customerId })
export const express = expressRouter({ flowglad, getCustomerExternalId: customerId })
export const core = createFlowgladHandler({ flowglad, getCustomerExternalId: customerId })

// The request type follows the app's own `getCustomerExternalId` annotation (by default ours).
export const annotated = nextRouteHandler({
  flowglad,
  getCustomerExternalId: async (req: NextRequest) => req.cookies.get('uid')?.value ?? null,
})
// Unannotated, as upstream's docs write it: `req` is a NextRequest (`nextUrl` is Next's own).
export const unannotated = nextRouteHandler({
  flowglad,
  getCustomerExternalId: async (req) => req.nextUrl.searchParams.get('uid'),
})
export type RequestTypes = [
  Expect<Equal<Parameters<typeof next.GET>[0], NextRequest>>,
  Expect<Equal<Parameters<typeof annotated.POST>[0], NextRequest>>,
  Expect<Equal<Parameters<typeof unannotated.POST>[0], NextRequest>>,
]

// Direct calls, as tests and Next 14 make them: no context, plain params, Promise params.
declare const request: NextRequest
export const calls = [
  next.POST(request),
  next.POST(request, { params: { path: ['customers', 'billing'] } }),
  next.POST(request, { params: Promise.resolve({ path: ['customers', 'billing'] }) }),
  next.GET(request, { params: Promise.resolve({}) }),
]
