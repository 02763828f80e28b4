import { readFileSync } from 'node:fs'
import { EmulatorError } from '../errors.js'
import { describeIssues } from './issues-text.js'
import { parsePricingModel } from './normalise.js'
import { parsePricingText } from './parse-text.js'
import type { PricingFileInput } from './schema.js'

/**
 * Reads and checks a pricing file (YAML or JSON, either shape) for `--pricing`. A syntax error
 * is `file:line:col: <parser message>`; a schema error lists every offending path in one
 * message. Returns the data for `createEmulator({ pricingModel })`.
 */
export function readPricingFile(path: string): PricingFileInput {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new Error(`Invalid --pricing ${path}: ${(error as Error).message}`)
  }
  const data = parsePricingText(text, path)
  try {
    parsePricingModel(data)
  } catch (error) {
    if (error instanceof EmulatorError && typeof error.body !== 'string') {
      throw new Error(`Invalid --pricing ${path}: ${describeIssues(error.body)}`)
    }
    throw error
  }
  return data as PricingFileInput
}
