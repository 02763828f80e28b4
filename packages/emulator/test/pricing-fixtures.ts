import { readdirSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parsePricingText } from '../src/pricing/parse-text.js'
import type { PricingFileInput } from '../src/pricing/schema.js'

/** The pricing files the tests load (YAML and JSON, both shapes). */
export const PRICING_FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/pricing')

export const pricingFixtureNames = (): string[] =>
  readdirSync(PRICING_FIXTURES)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()

export const pricingFixturePath = (name: string): string => resolve(PRICING_FIXTURES, name)

/** A fixture parsed the way the CLI parses it. */
export function readPricingFixture(name: string): PricingFileInput {
  const path = pricingFixturePath(name)
  return parsePricingText(readFileSync(path, 'utf8'), path) as PricingFileInput
}
