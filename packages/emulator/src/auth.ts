import type { EmulatorContext } from './context.js'

/** Accepts `Authorization: <key>` or `Bearer <key>` (a bare key has no spaces). */
export function extractKey(header: string | undefined): string | undefined {
  if (!header) return undefined
  const value = header.trim()
  const bearer = /^Bearer\s+(\S+)$/i.exec(value)
  if (bearer) return bearer[1]
  return /\s/.test(value) ? undefined : value
}

export function isAcceptedKey(ctx: EmulatorContext, key: string | undefined): boolean {
  if (!key) return false
  return ctx.secretKey !== undefined ? key === ctx.secretKey : key.startsWith('sk_test_')
}

/** Whether an `Authorization` header value carries an accepted secret key. */
export function keyAccepted(ctx: EmulatorContext, header: string | undefined): boolean {
  return isAcceptedKey(ctx, extractKey(header))
}
