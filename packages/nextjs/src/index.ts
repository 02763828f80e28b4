// `@flowglad/nextjs`: client-safe only (provider, hooks, types). Server code lives in
// `@flowglad/nextjs/server`, so importing this from a client component never drags it in.
export * from '@flowglad/react'
export type * from '@flowglad/shared'
