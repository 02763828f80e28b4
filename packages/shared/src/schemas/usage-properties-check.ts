// The plain-JSON rule for a usage event's `properties`, zod-free (the batcher and the compiled
// validators use it without loading zod).

/**
 * Bounds on a usage event's `properties`, checked before anything serialises them:
 * - `maxDepth`: nesting of objects and arrays, the `properties` object itself being level 1.
 * - `maxBytes`: size of the JSON text (UTF-8 bytes) the event would carry.
 * Both are far above what a meter needs and far below what could overflow a stack or stall
 * a request.
 */
export const usagePropertiesLimits = { maxDepth: 32, maxBytes: 32 * 1024 } as const

/** One reason `properties` is not plain JSON, with the path inside `properties`. */
export interface UsagePropertiesProblem {
  path: (string | number)[]
  message: string
}

type Walk = { bytes: number; ancestors: object[] }
type Found = UsagePropertiesProblem | null
type Path = (string | number)[]

const plainAscii = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/

/**
 * Bytes of a string once JSON-encoded (quotes and escapes included), in UTF-8. JSON.stringify
 * writes the quotes and escapes (a lone surrogate as \uXXXX too), so what is left is each
 * unit's width beyond one byte: +1 below U+0800 and for each half of a surrogate pair (4 bytes
 * a pair), +2 for the rest of the BMP. (TextEncoder would allocate on a hot path.)
 */
function jsonStringBytes(text: string): number {
  // Most keys and values are printable ASCII without `"` or `\`: one byte each, plus the quotes.
  if (plainAscii.test(text)) return text.length + 2
  const json = JSON.stringify(text)
  let bytes = json.length
  for (let index = 0; index < json.length; index++) {
    const unit = json.charCodeAt(index)
    if (unit < 0x80) continue
    if (unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff)) bytes += 1
    else bytes += 2
  }
  return bytes
}

function describe(value: unknown): string {
  if (typeof value === 'bigint') return 'a BigInt'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'function') return 'a function'
  if (typeof value === 'symbol') return 'a symbol'
  if (value === undefined) return 'undefined'
  const name = (value as object).constructor?.name
  return name ? `a ${name}` : 'a non-plain object'
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

const tooLarge = `properties must serialise to at most ${usagePropertiesLimits.maxBytes} bytes of JSON`

/**
 * Adds a string's JSON bytes, or returns false when it cannot fit: each UTF-16 unit is at least
 * one byte, so a huge string fails without being scanned.
 */
function addString(state: Walk, text: string): boolean {
  if (state.bytes + text.length > usagePropertiesLimits.maxBytes) return false
  state.bytes += jsonStringBytes(text)
  return true
}

/**
 * Walks one value. Recursion is safe: depth is checked before descending, so the stack never
 * goes deeper than `maxDepth`; the byte budget stops the walk early on wide or shared graphs.
 */
function walk(value: unknown, depth: number, path: Path, state: Walk): Found {
  const fail = (message: string): UsagePropertiesProblem => ({ path, message })
  if (value === null || typeof value === 'boolean') {
    state.bytes += value === false ? 5 : 4 // null, true or false
  } else if (typeof value === 'string') {
    if (!addString(state, value)) return fail(tooLarge)
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail(`properties may not hold ${value} (not JSON)`)
    state.bytes += String(value).length
  } else if (typeof value !== 'object') {
    return fail(`properties may hold only JSON values, not ${describe(value)}`)
  } else {
    if (depth > usagePropertiesLimits.maxDepth)
      return fail(`properties may nest at most ${usagePropertiesLimits.maxDepth} levels deep`)
    if (state.ancestors.includes(value)) return fail('properties must not be circular')
    const isArray = Array.isArray(value)
    if (!isArray && !isPlainObject(value)) {
      return fail(`properties may hold only plain objects and arrays, not ${describe(value)}`)
    }
    if (Object.getOwnPropertySymbols(value).length > 0) {
      return fail('properties may not have symbol keys')
    }
    state.ancestors.push(value)
    const problem = isArray
      ? walkArray(value, depth, path, state)
      : walkObject(value as Record<string, unknown>, depth, path, state)
    state.ancestors.pop()
    if (problem) return problem
  }
  return state.bytes > usagePropertiesLimits.maxBytes ? fail(tooLarge) : null
}

function walkArray(items: unknown[], depth: number, path: Path, state: Walk): Found {
  state.bytes += 2 + Math.max(0, items.length - 1)
  if (state.bytes > usagePropertiesLimits.maxBytes) return { path, message: tooLarge }
  for (let index = 0; index < items.length; index++) {
    // JSON would silently turn these into null: refuse rather than change the data.
    if (!(index in items) || items[index] === undefined) {
      return { path: [...path, index], message: 'properties arrays may not hold undefined' }
    }
    const problem = walk(items[index], depth + 1, [...path, index], state)
    if (problem) return problem
  }
  return null
}

function walkObject(
  record: Record<string, unknown>,
  depth: number,
  path: Path,
  state: Walk,
): Found {
  state.bytes += 2
  let written = 0
  for (const key of Object.keys(record)) {
    const value = record[key]
    // An undefined value is left out by JSON, exactly like an absent key.
    if (value === undefined) continue
    if (!addString(state, key)) return { path, message: tooLarge }
    state.bytes += written > 0 ? 2 : 1 // the colon, and a comma before all but the first
    written++
    const problem = walk(value, depth + 1, [...path, key], state)
    if (problem) return problem
  }
  return null
}

/**
 * Checks that `value` is plain JSON within {@link usagePropertiesLimits}: null, booleans,
 * finite numbers, strings, arrays and plain objects only (no BigInt, functions, symbols, NaN,
 * Infinity, Date, Map, class instances, circular references or undefined in arrays).
 * Returns the first problem found, or null. Never throws, whatever the depth of `value`.
 */
export function validateUsageProperties(value: unknown): UsagePropertiesProblem | null {
  return walk(value, 1, [], { bytes: 0, ancestors: [] })
}
