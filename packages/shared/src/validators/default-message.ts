// zod's English default message per issue (its `en` locale), for issues whose schema gives none.
// Kept to the issue kinds the compiled validators raise; validators.test.ts compares with zod.

export interface RawIssue {
  code: string
  path: PropertyKey[]
  message?: string
  /** false: stops the enclosing schema's later checks (zod's `continue`). */
  continues?: boolean
  input?: unknown
  expected?: string
  values?: unknown[]
  keys?: string[]
  origin?: string
  minimum?: number
  maximum?: number
  inclusive?: boolean
  format?: string
  pattern?: string
  options?: unknown[]
  /** The messages of the node (and, for a check, its schema) that raised it. */
  messages?: (string | Partial<Record<string, string>> | undefined)[]
}

const formatNames: Record<string, string> = {
  email: 'email address',
  url: 'URL',
  datetime: 'ISO datetime',
  date: 'ISO date',
  time: 'ISO time',
  uuid: 'UUID',
  regex: 'input',
}

function primitive(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : `${String(value)}`
}

/** zod's name for what it received. */
function receivedName(input: unknown): string {
  if (typeof input === 'number') return Number.isNaN(input) ? 'NaN' : String(input)
  if (input === null) return 'null'
  if (Array.isArray(input)) return 'array'
  if (typeof input === 'object') {
    const value = input as { constructor?: { name?: string } }
    if (Object.getPrototypeOf(input) !== Object.prototype && 'constructor' in value) {
      if (value.constructor) return value.constructor.name as string
    }
    return 'object'
  }
  return typeof input
}

function received(input: unknown): string {
  // A finite number prints as `number`; NaN and ±Infinity print as themselves.
  if (typeof input === 'number' && Number.isFinite(input)) return 'number'
  return receivedName(input)
}

const sizing: Record<string, string> = { string: 'characters', array: 'items' }

export function defaultMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected === 'nan' ? 'NaN' : issue.expected
      return `Invalid input: expected ${expected}, received ${received(issue.input)}`
    }
    case 'invalid_value': {
      const values = issue.values ?? []
      if (values.length === 1) return `Invalid input: expected ${primitive(values[0])}`
      return `Invalid option: expected one of ${values.map(primitive).join('|')}`
    }
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big'
      const adj = issue.inclusive ? (big ? '<=' : '>=') : big ? '<' : '>'
      const bound = String(big ? issue.maximum : issue.minimum)
      const unit = issue.origin ? sizing[issue.origin] : undefined
      const what = issue.origin ?? 'value'
      const head = big ? 'Too big' : 'Too small'
      return unit
        ? `${head}: expected ${what} to have ${adj}${bound} ${unit}`
        : `${head}: expected ${what} to be ${adj}${bound}`
    }
    case 'invalid_format':
      if (issue.format === 'regex') return `Invalid string: must match pattern ${issue.pattern}`
      return `Invalid ${formatNames[issue.format ?? ''] ?? issue.format}`
    case 'unrecognized_keys': {
      const keys = issue.keys ?? []
      return `Unrecognized key${keys.length > 1 ? 's' : ''}: ${keys.map(primitive).join(', ')}`
    }
    case 'invalid_key':
      return 'Invalid key in record'
    case 'invalid_union':
      if (issue.options && issue.options.length > 0) {
        return `Invalid discriminator value. Expected ${issue.options.map((o) => `'${String(o)}'`).join(' | ')}`
      }
      return 'Invalid input'
    default:
      return 'Invalid input'
  }
}
