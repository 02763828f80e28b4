import { describe, expect, it } from 'vitest'
import { PricingFileSyntaxError, parsePricingText } from './parse-text.js'

describe('parsePricingText', () => {
  it('reads YAML and JSON alike', () => {
    const yaml = 'name: Acme\nproducts: []\nisDefault: true\n'
    const json = '{ "name": "Acme", "products": [], "isDefault": true }'
    expect(parsePricingText(yaml)).toEqual({ name: 'Acme', products: [], isDefault: true })
    expect(parsePricingText(json)).toEqual(parsePricingText(yaml))
  })

  it('a syntax error says file:line:col and what the parser said', () => {
    try {
      parsePricingText('name: Acme\nproducts: }\n', 'p.yaml')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(PricingFileSyntaxError)
      const e = error as PricingFileSyntaxError
      expect([e.file, e.line, e.col]).toEqual(['p.yaml', 2, 11])
      expect(e.message).toMatch(/^p\.yaml:2:11: Unexpected flow-map-end token/)
    }
  })

  it('a key written twice is an error, not a silent overwrite', () => {
    expect(() => parsePricingText('name: A\nname: B\n', 'dup.yaml')).toThrow(
      /^dup\.yaml:2:1: .*unique/i,
    )
  })
})
