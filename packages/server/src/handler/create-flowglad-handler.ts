import {
  type FlowgladActionKey,
  FlowgladError,
  type FlowgladRoute,
  flowgladRoutes,
  isFlowgladActionKey,
  isFlowgladError,
  type PricingModel,
} from '@flowglad/shared/core'
import { apiPath, FlowgladRestClient } from '../client/rest-client.js'
import { actionInput } from './action-input.js'
import { flowgladActionHandlers } from './actions/index.js'
import { assertSameSiteRequest, parseUrl } from './csrf-guard.js'
import { errorResponse, successResponse } from './envelope.js'
import { readJsonBody, resolveMaxBodyBytes } from './read-json-body.js'
import { type ErrorAnswer, internalErrorAnswer, toErrorAnswer } from './to-error-answer.js'
import type {
  ActionHandler,
  FlowgladAdminLike,
  FlowgladHandler,
  FlowgladHandlerOptions,
  FlowgladServerLike,
  RouteHint,
} from './types.js'

export const defaultBasePath = '/api/flowglad'

/**
 * The route protocol core, Web standard: `(Request) => Promise<Response>`, edge-safe.
 * Order: beforeRequest → CSRF guard → action lookup (404/405) → customer (401, before any
 * API call or body read; optional only for the table's hybrid route) → body, at most
 * `maxBodyBytes` (413) → body externalId must be the session's (403) → validation once (400) →
 * handler → `{ data, error }` envelope. It never throws: every failure is an envelope.
 */
export function createFlowgladHandler<Source = Request>(
  options: FlowgladHandlerOptions<Source>,
): FlowgladHandler<Source> {
  const routesPrefix = routesPrefixOf(options.basePath ?? defaultBasePath)
  const maxBodyBytes = resolveMaxBodyBytes(options.maxBodyBytes)

  return async function flowgladHandler(request, hint) {
    const path = actionPathOf(request, hint, routesPrefix)
    let response: Response
    let errorCode: string | null = null
    try {
      response = await run(request, path, hint, options, maxBodyBytes)
    } catch (error) {
      if (!rejections.has(error as object)) report(options, error)
      ;({ response, errorCode } = answerError(error))
    }
    try {
      await options.afterRequest?.({ request, path, status: response.status, errorCode })
    } catch (error) {
      report(options, error)
    }
    return response
  }
}

interface ErrorReply {
  response: Response
  errorCode: string
}

/** The envelope for a thrown value; details that cannot become JSON degrade to a plain 500. */
function answerError(error: unknown): ErrorReply {
  try {
    return toErrorReply(toErrorAnswer(error))
  } catch {
    // e.g. circular or BigInt `details`: JSON.stringify threw.
    return toErrorReply(internalErrorAnswer())
  }
}

function toErrorReply(answer: ErrorAnswer): ErrorReply {
  return { response: errorResponse(answer), errorCode: answer.body.code }
}

/** Errors the core raises itself to refuse a request: expected, so not sent to `onError`. */
const rejections = new WeakSet<object>()

function reject(error: unknown): unknown {
  rejections.add(error as object)
  return error
}

/** Runs the core's own checks: what they throw is a refusal. */
async function refuseOnThrow<T>(check: () => T | Promise<T>): Promise<T> {
  try {
    return await check()
  } catch (error) {
    throw reject(error)
  }
}

async function run<Source>(
  request: Request,
  path: string,
  hint: RouteHint<Source> | undefined,
  options: FlowgladHandlerOptions<Source>,
  maxBodyBytes: number,
): Promise<Response> {
  await options.beforeRequest?.({ request, path })
  const route = await refuseOnThrow(() => routeOf(request, path, options.allowedOrigins))
  const customerExternalId = await customerOf(
    options,
    (hint?.source ?? request) as Source,
    route.requiresCustomer,
  )
  // Only now, with the customer known, is the body read: an anonymous upload is never read
  // (except by the hybrid route, which answers signed out too, within the same body limit).
  const input = await refuseOnThrow(async () =>
    actionInput(route.path, await readJsonBody(request, maxBodyBytes), customerExternalId),
  )
  const flowglad =
    customerExternalId === null ? null : await buildServer(options, customerExternalId)
  const handler = flowgladActionHandlers[route.path] as ActionHandler<FlowgladActionKey>
  const data = await handler(input as never, {
    customerExternalId,
    flowglad,
    flowgladAdmin: () => options.flowgladAdmin?.() ?? defaultPricingModelReader(options),
    request,
    usagePolicy: options.usagePolicy,
    allowedOrigins: options.allowedOrigins,
  })
  return successResponse(data)
}

/** The CSRF guard (403), then the action the path names (404) and its method (405). */
function routeOf(
  request: Request,
  path: string,
  allowedOrigins: readonly string[] | undefined,
): FlowgladRoute {
  assertSameSiteRequest(request, path, allowedOrigins)
  if (!isFlowgladActionKey(path)) {
    throw new FlowgladError('not_found', `"${truncate(path)}" is not a Flowglad action`)
  }
  const route: FlowgladRoute = flowgladRoutes[path]
  if (request.method.toUpperCase() !== route.method) {
    throw new FlowgladError(
      'method_not_allowed',
      `${path} accepts ${route.method}, not ${truncate(request.method)}`,
    )
  }
  return route
}

/**
 * The session's customer, or null when nobody is signed in (401 unless the route is hybrid).
 * On the hybrid route an app whose auth throws when signed out (a common pattern) is treated
 * as signed out, as upstream does; elsewhere the app's error stays its own.
 */
async function customerOf<Source>(
  options: FlowgladHandlerOptions<Source>,
  source: Source,
  required: boolean,
): Promise<string | null> {
  let customerExternalId: unknown = null
  try {
    customerExternalId = await options.getCustomerExternalId(source)
  } catch (error) {
    if (required) throw error
  }
  if (typeof customerExternalId === 'string' && customerExternalId !== '') {
    return customerExternalId
  }
  if (required) {
    throw reject(
      new FlowgladError('unauthenticated', 'Not signed in: no customer for this request'),
    )
  }
  return null
}

/**
 * The organisation-wide read the hybrid route needs signed out: only the default pricing model,
 * from a plain REST client, so the route handler does not pull `FlowgladServerAdmin` and its
 * every method into an app's bundle.
 */
function defaultPricingModelReader<Source>(
  options: FlowgladHandlerOptions<Source>,
): FlowgladAdminLike {
  const client = new FlowgladRestClient({ apiKey: options.apiKey, baseURL: options.baseURL })
  return {
    getDefaultPricingModel: () =>
      client.get<{ pricingModel: PricingModel }>(apiPath`/pricing-models/default`, {}),
  }
}

/**
 * The app's factory sees no browser input, so a `validation_error` from it (e.g.
 * `ownershipCacheTtlMs: NaN`) is the app's misconfiguration: 500 `internal_error`, reported to
 * `onError`, never blamed on the client. Other catalogue errors it throws keep their meaning.
 */
async function buildServer<Source>(
  options: FlowgladHandlerOptions<Source>,
  customerExternalId: string,
): Promise<FlowgladServerLike> {
  try {
    return await options.flowglad(customerExternalId)
  } catch (error) {
    if (!isFlowgladError(error) || error.code !== 'validation_error') throw error
    throw new FlowgladError('internal_error', `Flowglad server misconfigured: ${error.message}`, {
      cause: error,
    })
  }
}

function actionPathOf<Source>(
  request: Request,
  hint: RouteHint<Source> | undefined,
  routesPrefix: string,
): string {
  if (hint?.path !== undefined) {
    return trimSlashes(typeof hint.path === 'string' ? hint.path : hint.path.join('/'))
  }
  const pathname = parseUrl(request.url)?.pathname ?? ''
  return pathname.startsWith(routesPrefix) ? trimSlashes(pathname.slice(routesPrefix.length)) : ''
}

/** What every action's pathname starts with: `/api/flowglad/`, or `/` for an empty base path. */
function routesPrefixOf(basePath: string): string {
  const trimmed = trimSlashes(basePath)
  return trimmed === '' ? '/' : `/${trimmed}/`
}

function trimSlashes(value: string): string {
  return value.replace(/^\/+|\/+$/g, '')
}

function truncate(value: string): string {
  return value.length > 80 ? `${value.slice(0, 80)}…` : value
}

function report<Source>(options: FlowgladHandlerOptions<Source>, error: unknown): void {
  try {
    options.onError?.(error)
  } catch {
    // A failing logger must not turn an answer into a crash.
  }
}
