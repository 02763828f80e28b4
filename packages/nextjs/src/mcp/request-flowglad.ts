import type { FlowgladServer } from '@flowglad/server'

// `toolWithUsageBalanceCheck(callback, slug)` keeps upstream's two-argument shape, which names no
// FlowgladServer. Such callbacks are remembered here and bound to the request's FlowgladServer
// when `mcpHandlerWithFlowglad` registers them.
type AnyFunction = (...args: never[]) => unknown
const bindersByCallback = new WeakMap<AnyFunction, (flowglad: FlowgladServer) => AnyFunction>()

export function bindLaterToRequestFlowglad<Callback extends AnyFunction>(
  callback: Callback,
  bind: (flowglad: FlowgladServer) => Callback,
): Callback {
  bindersByCallback.set(callback, bind)
  return callback
}

function bound(argument: unknown, flowglad: FlowgladServer): unknown {
  if (typeof argument !== 'function') return argument
  return bindersByCallback.get(argument as AnyFunction)?.(flowglad) ?? argument
}

/** The registration methods of the MCP SDK's `McpServer` that take a tool callback. */
const toolRegistrations = ['tool', 'registerTool'] as const

/** Makes this (per-request) server bind waiting callbacks to `flowglad` as they are registered. */
export function bindToolsToRequestFlowglad(server: object, flowglad: FlowgladServer): void {
  const methods = server as Record<string, unknown>
  for (const name of toolRegistrations) {
    const register = methods[name]
    if (typeof register !== 'function') continue
    methods[name] = (...args: unknown[]) =>
      register.apply(
        server,
        args.map((argument) => bound(argument, flowglad)),
      )
  }
}
