import { FlowgladError } from '@flowglad/shared/core'

export type McpAdapterModule = typeof import('@vercel/mcp-adapter')

// A specifier in a variable, with the bundlers' ignore comments: no bundler or edge check
// follows it, so `@flowglad/nextjs/server` loads (and builds) without the adapter installed.
const adapterPackage = '@vercel/mcp-adapter'

/** Loads the optional peer on first use; a missing install is one clear error. */
export async function loadMcpAdapter(
  importModule: (specifier: string) => Promise<unknown> = (specifier) =>
    import(/* webpackIgnore: true */ /* turbopackIgnore: true */ /* @vite-ignore */ specifier),
): Promise<McpAdapterModule> {
  try {
    return (await importModule(adapterPackage)) as McpAdapterModule
  } catch (cause) {
    throw new FlowgladError(
      'internal_error',
      'mcpHandlerWithFlowglad needs the optional peer dependencies @vercel/mcp-adapter and @modelcontextprotocol/sdk: install them (npm install @vercel/mcp-adapter@^1.0.0 @modelcontextprotocol/sdk), or pass { createMcpHandler }.',
      { cause },
    )
  }
}
