import { describe, expect, it } from 'vitest'
import { humanReadableCurrencyAmount } from './currency.js'

describe('humanReadableCurrencyAmount', () => {
  it('divides two-decimal currencies by 100', () => {
    expect(humanReadableCurrencyAmount('USD', 12345)).toBe('$123.45')
    expect(humanReadableCurrencyAmount('usd', 500)).toBe('$5.00')
    expect(humanReadableCurrencyAmount('EUR', 99)).toBe('€0.99')
  })

  it('keeps zero-decimal currencies whole', () => {
    expect(humanReadableCurrencyAmount('JPY', 12345)).toBe('¥12,345')
    expect(humanReadableCurrencyAmount('krw', 5000)).toBe('₩5,000')
    // Intl puts a no-break space between code and amount.
    expect(humanReadableCurrencyAmount('CLP', 990)).toBe('CLP\u00a0990')
  })
})
