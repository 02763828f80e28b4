// An app whose tsconfig still says `"moduleResolution": "node"` (Next 13's default, and many
// apps since), which ignores `exports`: every subpath must resolve through its folder shim, as
// upstream's `@flowglad/nextjs/server` does. Checked by `tsconfig.node10.json`.
import { FlowgladProvider, useBilling } from '@flowglad/nextjs'
import { flowgladPlugin as nextjsBetterAuthPlugin } from '@flowglad/nextjs/better-auth'
import { FlowgladServer, nextRouteHandler, verifyWebhook } from '@flowglad/nextjs/server'
import { FlowgladProvider as ReactProvider } from '@flowglad/react'
import { createFlowgladHandler } from '@flowglad/server'
import { flowgladPlugin } from '@flowglad/server/better-auth'
import { expressRouter } from '@flowglad/server/express'
import { toWebRequest } from '@flowglad/server/node-http'
import { createUsageOutbox } from '@flowglad/server/postgres'
import { supabaseEdgeHandler } from '@flowglad/server/supabase'
import { isFlowgladError } from '@flowglad/shared'
import { FlowgladError } from '@flowglad/shared/browser'
import { compiledActionSchemas } from '@flowglad/shared/core'

export const used = [
  FlowgladProvider,
  useBilling,
  nextjsBetterAuthPlugin,
  FlowgladServer,
  nextRouteHandler,
  verifyWebhook,
  ReactProvider,
  createFlowgladHandler,
  flowgladPlugin,
  expressRouter,
  toWebRequest,
  createUsageOutbox,
  supabaseEdgeHandler,
  isFlowgladError,
  FlowgladError,
  compiledActionSchemas,
]
