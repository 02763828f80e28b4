// `@flowglad/server/supabase`: the route protocol as a Supabase edge function. Edge-safe.
export { type SupabaseEdgeHandlerOptions, supabaseEdgeHandler } from './supabase-edge-handler.js'
