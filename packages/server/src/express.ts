// `@flowglad/server/express`: the route protocol as Express middleware. Conversion only.
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { createFlowgladHandler } from './handler/create-flowglad-handler.js'
import type { FlowgladHandlerOptions } from './handler/types.js'
import { sendWebResponse } from './node-http/send-web-response.js'
import { toWebRequest } from './node-http/to-web-request.js'

export interface ExpressRouterOptions extends FlowgladHandlerOptions<Request> {
  /** Middleware run before the handler (upstream option), e.g. your auth. */
  middleware?: RequestHandler[]
}

/**
 * Mount with `app.use('/api/flowglad', expressRouter({ ... }))`. The action path is the part
 * of the URL after the mount point; `getCustomerExternalId` receives the Express `req`.
 * A body a parser already read (`express.json()`) is used as it is; otherwise the body is
 * streamed from `req` only after the customer is known, at most `maxBodyBytes` (413 beyond).
 */
export function expressRouter(options: ExpressRouterOptions): RequestHandler {
  const { middleware = [], ...handlerOptions } = options
  const handle = createFlowgladHandler<Request>(handlerOptions)
  const serve = async (req: Request, res: Response) => {
    const request = await toWebRequest(req, { maxBodyBytes: handlerOptions.maxBodyBytes })
    await sendWebResponse(res, await handle(request, { path: req.path, source: req }))
  }
  return (req, res, next) => {
    runChain(middleware, req, res, next, () => serve(req, res).catch(next))
  }
}

function runChain(
  chain: RequestHandler[],
  req: Request,
  res: Response,
  next: NextFunction,
  done: () => void,
): void {
  const [first, ...rest] = chain
  if (first === undefined) {
    done()
    return
  }
  // Any argument (an error, 'route', 'router') goes back to Express, which knows what it means.
  const proceed = (signal?: unknown) => {
    if (signal !== undefined) next(signal)
    else runChain(rest, req, res, next, done)
  }
  try {
    first(req, res, proceed)
  } catch (error) {
    next(error)
  }
}
