import { pagesRouteHandler } from '@flowglad/nextjs/server'
import { userIdFromCookieHeader } from '@/lib/demo-users'
import { flowglad } from '@/lib/flowglad'

// The same protocol through the Pages Router adapter, mounted at /api/flowglad-pages.
// Here getCustomerExternalId receives the NextApiRequest, as with the upstream SDK.
export default pagesRouteHandler({
  getCustomerExternalId: async (request) => userIdFromCookieHeader(request.headers.cookie ?? null),
  flowglad,
  basePath: '/api/flowglad-pages',
})
