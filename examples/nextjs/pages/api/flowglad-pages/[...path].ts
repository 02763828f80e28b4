import { pagesRouteHandler } from '@flowglad/nextjs/server'
import { userIdFromCookieHeader } from '@/lib/demo-users'
import { flowglad } from '@/lib/flowglad'

// The same protocol through the Pages Router adapter, mounted at /api/flowglad-pages.
export default pagesRouteHandler({
  getCustomerExternalId: async (request) => userIdFromCookieHeader(request.headers.get('cookie')),
  flowglad,
  basePath: '/api/flowglad-pages',
})
