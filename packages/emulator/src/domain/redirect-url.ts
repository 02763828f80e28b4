/**
 * Whether the checkout page may send the buyer's browser to `value` with a redirect: an
 * absolute `http:` or `https:` URL only (never `javascript:`, `data:`, or a relative path).
 */
export function isRedirectableUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}
