import { parseDocument } from 'yaml'

/** A pricing file that is not valid YAML (or JSON): where, and what the parser said. */
export class PricingFileSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly col: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${col}: ${reason}`)
    this.name = 'PricingFileSyntaxError'
  }
}

/**
 * Parses the text of a pricing file, YAML or JSON (JSON is YAML), into plain data; validate
 * it with `parsePricingModel`. Repeated keys are errors. Throws `PricingFileSyntaxError` with
 * the position (1-based line and column) of the first error.
 */
export function parsePricingText(text: string, file = 'pricing.yaml'): unknown {
  const doc = parseDocument(text, { prettyErrors: true })
  const error = doc.errors[0]
  if (error) {
    const at = error.linePos?.[0] ?? { line: 1, col: 1 }
    throw new PricingFileSyntaxError(file, at.line, at.col, error.message)
  }
  return doc.toJS()
}
