// The integration entry points against upstream 0.18.0's: the Better Auth plugin's and the
// Supabase handler's options, and every FlowgladProvider prop upstream accepts (optional ones
// included, e.g. `betterAuthBasePath`) exists in ours.

import type * as OursReact from '@flowglad/react'
import type * as OursBetterAuth from '@flowglad/server/better-auth'
import type * as OursSupabase from '@flowglad/server/supabase'
import type * as UpReact from 'upstream-react'
import type * as UpBetterAuth from 'upstream-server/better-auth'
import type * as UpSupabase from 'upstream-server/supabase'
import type { LooserThanUpstream as Looser, None } from './required-keys.js'

/** Every key of any member of a union. */
type KeysOf<T> = T extends unknown ? keyof T : never

type UpProviderProps = Parameters<typeof UpReact.FlowgladProvider>[0]
type OurProviderProps = Parameters<typeof OursReact.FlowgladProvider>[0]
type UpPluginOptions = UpBetterAuth.FlowgladBetterAuthPluginOptions
type OurPluginOptions = OursBetterAuth.FlowgladBetterAuthPluginOptions
type UpSupabaseOptions = UpSupabase.SupabaseEdgeHandlerOptions
type OurSupabaseOptions = OursSupabase.SupabaseEdgeHandlerOptions

export type IntegrationChecks = [
  None<Exclude<KeysOf<UpProviderProps>, KeysOf<OurProviderProps>>>,
  None<Exclude<keyof UpPluginOptions, keyof OurPluginOptions>>,
  None<Looser<UpPluginOptions, OurPluginOptions>>,
  None<Exclude<keyof UpSupabaseOptions, keyof OurSupabaseOptions>>,
  None<Looser<UpSupabaseOptions, OurSupabaseOptions>>,
]
