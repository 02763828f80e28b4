import {
  compiledActionSchemas,
  type FlowgladActionKey,
  FlowgladError,
  flowgladRoutes,
  isFlowgladActionKey,
  isFlowgladError,
  type PricingModel,
  parseOrThrow,
} from '@flowglad/shared/core'
import { apiPath, FlowgladRestClient } from '../client/rest-client.js'
import { flowgladActionHandlers } from './actions/index.js'
import { assertSameSiteRequest } from './csrf-guard.js'
import { errorResponse, successResponse } from './envelope.js'
import { assertOwnExternalId } from './own-external-id.js'
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
  const basePath = normaliseBasePath(options.basePath ?? defaultBasePath)
  const maxBodyBytes = resolveMaxBodyBytes(options.maxBodyBytes)

  return async function flowgladHandler(request, hint) {
    const path = actionPathOf(request, hint, basePath)
    let response: Response
    let errorCode: string | null = null
    try {
      response = await run(request, path, hint, options, maxBodyBytes)
    } catch (error) {
      if (!rejections.has(error as object)) report(options, error)
      const answered = answerError(error)
      response = answered.response
      errorCode = answered.errorCode
    }
    if (options.afterRequest) {
      try {
        await options.afterRequest({ request, path, status: response.status, errorCode })
      } catch (error) {
        report(options, error)
      }
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

function toErrorReply({ status, body }: ErrorAnswer): ErrorReply {
  const allow = body.code === 'method_not_allowed' ? { allow: 'POST' } : undefined
  return { response: errorResponse(status, body, allow), errorCode: body.code }
}

/** Errors the core raises itself to refuse a request: expected, so not sent to `onError`. */
const rejections = new WeakSet<object>()

function reject(error: FlowgladError): FlowgladError {
  rejections.add(error)
  return error
}

/** Runs one of the core's checks: what it throws is a refusal. */
function refuseOnThrow<T>(check: () => T): T {
  try {
    return check()
  } catch (error) {
    throw reject(error as FlowgladError)
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

  refuseOnThrow(() =>
    assertSameSiteRequest(request, path, { allowedOrigins: options.allowedOrigins }),
  )

  if (!isFlowgladActionKey(path)) {
    throw reject(new FlowgladError('not_found', `"${truncate(path)}" is not a Flowglad action`))
  }
  const action = flowgladRoutes[path]
  if (request.method.toUpperCase() !== action.method) {
    throw reject(
      new FlowgladError(
        'method_not_allowed',
        `${path} accepts ${action.method}, not ${truncate(request.method)}`,
      ),
    )
  }

  const source = (hint?.source ?? request) as Source
  const customerExternalId = action.requiresCustomer
    ? await requireCustomer(options, source)
    : await optionalCustomer(options, source)

  // Only now, with the customer known, is the body read: an anonymous upload is never read
  // (except by the hybrid route, which answers signed out too, within the same body limit).
  const body = await readJsonBody(request, maxBodyBytes).catch((error: FlowgladError) => {
    throw reject(error)
  })
  if (customerExternalId !== null) {
    refuseOnThrow(() => assertOwnExternalId(path, body, customerExternalId))
  }
  const input = refuseOnThrow(() =>
    parseOrThrow(compiledActionSchemas[path], body, `Invalid input for ${path}`),
  )

  const flowglad =
    customerExternalId === null ? null : await buildServer(options, customerExternalId)
  const handler = flowgladActionHandlers[path] as ActionHandler<FlowgladActionKey>
  const data = await handler(input as never, {
    customerExternalId,
    flowglad,
    flowgladAdmin: adminFor(options),
    request,
    usagePolicy: options.usagePolicy,
    allowedOrigins: options.allowedOrigins,
  })
  return successResponse(data)
}

function isCustomerId(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}

async function requireCustomer<Source>(
  options: FlowgladHandlerOptions<Source>,
  source: Source,
): Promise<string> {
  const customerExternalId = await options.getCustomerExternalId(source)
  if (!isCustomerId(customerExternalId)) {
    throw reject(
      new FlowgladError('unauthenticated', 'Not signed in: no customer for this request'),
    )
  }
  return customerExternalId
}

/**
 * For the hybrid route: null when nobody is signed in. An app whose auth throws when signed
 * out (a common pattern) is treated as signed out there, as upstream does.
 */
async function optionalCustomer<Source>(
  options: FlowgladHandlerOptions<Source>,
  source: Source,
): Promise<string | null> {
  try {
    const customerExternalId = await options.getCustomerExternalId(source)
    return isCustomerId(customerExternalId) ? customerExternalId : null
  } catch {
    return null
  }
}

/**
 * The organisation-wide reads the handler needs, built on first use (signed-out hybrid requests
 * only). Only the default pricing model: a plain REST client, so the route handler does not pull
 * `FlowgladServerAdmin` and its every method into an app's bundle.
 */
function adminFor<Source>(options: FlowgladHandlerOptions<Source>): () => FlowgladAdminLike {
  let admin: FlowgladAdminLike | undefined
  return () => {
    admin ??= options.flowgladAdmin?.() ?? defaultPricingModelReader(options)
    return admin
  }
}

function defaultPricingModelReader<Source>(options: FlowgladHandlerOptions<Source>) {
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
  basePath: string,
): string {
  if (hint?.path !== undefined) {
    const segments = typeof hint.path === 'string' ? [hint.path] : hint.path
    return trimSlashes(segments.join('/'))
  }
  const pathname = pathnameOf(request.url)
  if (pathname === basePath || !pathname.startsWith(`${basePath}/`)) return ''
  return trimSlashes(pathname.slice(basePath.length + 1))
}

function pathnameOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return ''
  }
}

function normaliseBasePath(basePath: string): string {
  const trimmed = trimSlashes(basePath)
  return trimmed === '' ? '' : `/${trimmed}`
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
