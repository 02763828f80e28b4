// Currencies whose minor unit is the whole unit (Flowglad stores their amounts undivided).
const zeroDecimal = new Set(
  'BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF'.split(' '),
)

/**
 * Formats an amount in minor units (cents) for display, e.g. `('usd', 12345)` → `$123.45` and
 * `('JPY', 12345)` → `¥12,345`.
 */
export function humanReadableCurrencyAmount(currency: string, amount: number): string {
  const code = currency.toUpperCase()
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).format(
    zeroDecimal.has(code) ? amount : amount / 100,
  )
}
