import { nextRouteHandler } from '@flowglad/nextjs/server'
import { userIdFromCookieHeader } from '@/lib/demo-users'
import { flowglad } from '@/lib/flowglad'

// The browser may only record the meters it legitimately drives, in sane amounts;
// api_calls are recorded server-side (see app/actions.ts).
export const { GET, POST } = nextRouteHandler({
  getCustomerExternalId: async (request: Request) =>
    userIdFromCookieHeader(request.headers.get('cookie')),
  flowglad,
  usagePolicy: { allow: ['ai_tokens', 'active_users'], maxAmount: 5_000 },
})
