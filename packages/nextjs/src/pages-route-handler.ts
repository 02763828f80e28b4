import { createFlowgladHandler, type FlowgladHandlerOptions } from '@flowglad/server'
import { sendWebResponse, toWebRequest } from '@flowglad/server/node-http'
import type { NextApiRequest, NextApiResponse } from 'next'

export type PagesRouteHandlerOptions = FlowgladHandlerOptions<NextApiRequest>

/**
 * Pages Router: `export default pagesRouteHandler({...})` in `pages/api/flowglad/[...path].ts`.
 * `getCustomerExternalId` receives the `NextApiRequest`.
 */
export function pagesRouteHandler(
  options: PagesRouteHandlerOptions,
): (req: NextApiRequest, res: NextApiResponse) => Promise<void> {
  const handle = createFlowgladHandler<NextApiRequest>(options)
  return async (req, res) => {
    const request = await toWebRequest(req)
    await sendWebResponse(res, await handle(request, { path: req.query.path, source: req }))
  }
}
