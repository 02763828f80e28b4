import { createFlowgladHandler, type FlowgladHandlerOptions } from '@flowglad/server'
import { sendWebResponse, toWebRequest } from '@flowglad/server/node-http'
import type { NextApiRequest, NextApiResponse } from 'next'

export type PagesRouteHandlerOptions = FlowgladHandlerOptions<NextApiRequest>

/**
 * Pages Router: `export default pagesRouteHandler({...})` in `pages/api/flowglad/[...path].ts`.
 * `getCustomerExternalId` receives the `NextApiRequest`. With Next's body parser on (its
 * default), Next has read the body before this runs and `req.body` is used; with
 * `export const config = { api: { bodyParser: false } }` the body is streamed only after the
 * customer is known, at most `maxBodyBytes` (413 `payload_too_large` beyond).
 */
export function pagesRouteHandler(
  options: PagesRouteHandlerOptions,
): (req: NextApiRequest, res: NextApiResponse) => Promise<void> {
  const handle = createFlowgladHandler<NextApiRequest>(options)
  return async (req, res) => {
    const request = await toWebRequest(req, { maxBodyBytes: options.maxBodyBytes })
    await sendWebResponse(res, await handle(request, { path: req.query.path, source: req }))
  }
}
