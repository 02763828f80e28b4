// zod's English default message per issue (its `en` locale), for issues whose schema gives none.
// Kept to the issue kinds the compiled validators raise; validators.test.ts compares with zod.

export interface RawIssue {
  code: string
  path: PropertyKey[]
  message?: string
  /** false: stops the enclosing schema's later checks (zod's `continue`). */
  continues?: boolean
  /** What an invalid_type issue received. */
  input?: unknown
  expected?: string
  values?: unknown[]
  keys?: string[]
  origin?: string
  /** too_small's minimum, too_big's maximum. */
  bound?: number
  inclusive?: boolean
  format?: string
  options?: unknown[]
  /** The messages of the node (and, for a check, its schema) that raised it. */
  messages?: (string | Partial<Record<string, string>> | undefined)[]
}

/** zod's name for each string format the schemas use; the describer refuses any other. */
export const formatNames: Record<string, string> = {
  email: 'email address',
  url: 'URL',
  datetime: 'ISO datetime',
}

function primitive(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value)
}

/** zod's name for what it received: a finite number is `number`, NaN and ±Infinity themselves. */
function received(input: unknown): string {
  if (typeof input === 'number') return Number.isFinite(input) ? 'number' : String(input)
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

const sizing: Record<string, string> = { string: 'characters', array: 'items' }

export function defaultMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${issue.expected}, received ${received(issue.input)}`
    case 'invalid_value': {
      const values = issue.values as unknown[]
      if (values.length === 1) return `Invalid input: expected ${primitive(values[0])}`
      return `Invalid option: expected one of ${values.map(primitive).join('|')}`
    }
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big'
      const bound = `${big ? '<' : '>'}${issue.inclusive ? '=' : ''}${issue.bound}`
      const head = `${big ? 'Too big' : 'Too small'}: expected ${issue.origin}`
      const unit = sizing[issue.origin as string]
      return unit ? `${head} to have ${bound} ${unit}` : `${head} to be ${bound}`
    }
    case 'invalid_format':
      return `Invalid ${formatNames[issue.format as string]}`
    case 'unrecognized_keys': {
      const keys = issue.keys as string[]
      return `Unrecognized key${keys.length > 1 ? 's' : ''}: ${keys.map(primitive).join(', ')}`
    }
    case 'invalid_key':
      return 'Invalid key in record'
    case 'invalid_union':
      if (!issue.options?.length) return 'Invalid input'
      return `Invalid discriminator value. Expected ${issue.options.map((o) => `'${String(o)}'`).join(' | ')}`
    default:
      return 'Invalid input'
  }
}
