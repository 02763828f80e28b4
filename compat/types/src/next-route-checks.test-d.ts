// What Next's generated route checks ask of `export const { GET, POST } = nextRouteHandler(...)`
// (written here from their rules, not copied): Next 15.5/16's `validator.ts` assigns each export
// to `(request: NextRequest, context: { params: Promise<Params> }) => Response | Promise<...>`
// for the route's own Params; Next 15's per-route check reads the last signature's second
// parameter, which must not admit `undefined` and must have Promise `params`.
import { FlowgladServer, nextRouteHandler } from '@flowglad/nextjs/server'
import type { NextRequest } from 'next/server'
import type { Equal, Expect } from './required-keys.js'

const { GET, POST } = nextRouteHandler({
  flowglad: (customerExternalId) =>
    new FlowgladServer({
      customerExternalId,
      getCustomerDetails: async () => ({ email: 'a@b.c', name: 'A' }),
    }),
  getCustomerExternalId: async () => 'user_1',
})

type RouteExport<Params> = (
  request: NextRequest,
  context: { params: Promise<Params> },
) => Response | Promise<Response | undefined> | undefined

/** `[...path]` always has segments; `[[...path]]` may have none. */
export const catchAll: RouteExport<{ path: string[] }>[] = [GET, POST]
export const optionalCatchAll: RouteExport<{ path?: string[] }>[] = [GET, POST]
export const optionalCatchAllExplicit: RouteExport<{ path?: string[] | undefined }>[] = [GET, POST]

type SecondArg<F> = F extends (request: never, context: infer C) => unknown ? C : never
type ContextOf = SecondArg<typeof GET>
export type LastSignature = [
  Expect<Equal<undefined extends ContextOf ? true : false, false>>,
  Expect<ContextOf extends { params: Promise<unknown> } ? true : false>,
  Expect<Equal<ReturnType<typeof POST>, Promise<Response>>>,
]
