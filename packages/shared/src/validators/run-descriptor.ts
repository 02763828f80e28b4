// Runs a schema descriptor on a value the way zod runs the schema it was written from: same
// output, same issues (code, path, message), same order. Zod-free; validators.test.ts checks the
// equivalence against zod on every described schema.
import {
  type Predicate,
  type Refinement,
  type RefinementTag,
  refinementFactories,
} from '../schemas/refinements.js'
import { defaultMessage, type RawIssue } from './default-message.js'
import { type Check, type Descriptor, type Messages, optinOf } from './descriptor.js'

interface Payload {
  value: unknown
  issues: RawIssue[]
}

const isObject = (value: unknown): value is Record<PropertyKey, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function isPlainObject(value: unknown): value is Record<PropertyKey, unknown> {
  if (!isObject(value)) return false
  const ctor = (value as { constructor?: unknown }).constructor
  if (ctor === undefined || typeof ctor !== 'function') return true
  const proto = (ctor as { prototype?: unknown }).prototype
  return isObject(proto) && Object.hasOwn(proto, 'isPrototypeOf')
}

/** zod's `aborted`: an issue that does not explicitly continue stops later checks. */
const aborts = (issues: RawIssue[], from = 0) =>
  issues.slice(from).some((issue) => issue.continues !== true)

const surrogate = /[\ud800-\udfff]/

/** Length in code points, as zod measures strings (a lone surrogate counts as one). */
function codePoints(text: string): number {
  // Most strings hold no surrogate, so their length is the count (and this is a hot path).
  if (!surrogate.test(text)) return text.length
  let count = 0
  for (const _ of text) count++
  return count
}

const lengthOf = (value: { length: number }) =>
  typeof value === 'string' ? codePoints(value) : value.length
const lengthOrigin = (value: unknown) =>
  Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'unknown'

// Parsing is a hot path (every tracked event): built refinements, patterns and field lists are
// kept per descriptor node, so a check costs a lookup, not a new function or a new RegExp.
function perNode<Key extends object, Value>(build: (key: Key) => Value): (key: Key) => Value {
  const built = new WeakMap<Key, Value>()
  return (key) => {
    let value = built.get(key)
    if (value === undefined) {
      value = build(key)
      built.set(key, value)
    }
    return value
  }
}

type Factory = (...args: unknown[]) => (...args: never[]) => unknown
const refinementOf = perNode((tag: RefinementTag) =>
  (refinementFactories[tag.name] as Factory)(...tag.args),
)
const patternOf = perNode(
  (check: { source: string; flags: string }) => new RegExp(check.source, check.flags),
)

/** Adds an issue to the payload (at the payload's own path unless it names one below). */
function raise(payload: Payload, raw: Omit<RawIssue, 'path'> & { path?: PropertyKey[] }): void {
  payload.issues.push({ ...raw, path: raw.path ?? [] })
}

function canParseUrl(text: string): boolean {
  try {
    new URL(text)
    return true
  } catch {
    return false
  }
}

/** Runs one check; may replace the value (a URL is trimmed). */
function runCheck(check: Check, payload: Payload, own: Messages | undefined): void {
  const value = payload.value as never
  const push = (raw: Omit<RawIssue, 'path'> & { path?: PropertyKey[] }) =>
    raise(payload, { continues: true, messages: [check.e, own], ...raw })
  switch (check.k) {
    case 'min_length':
      if (lengthOf(value) < check.n)
        push({ code: 'too_small', origin: lengthOrigin(value), bound: check.n, inclusive: true })
      return
    case 'max_length':
      if (lengthOf(value) > check.n)
        push({ code: 'too_big', origin: lengthOrigin(value), bound: check.n, inclusive: true })
      return
    case 'int': {
      const number = value as number
      const big = number > 0
      if (!Number.isInteger(number))
        push({ code: 'invalid_type', expected: 'int', input: value, continues: false })
      else if (!Number.isSafeInteger(number))
        push({
          code: big ? 'too_big' : 'too_small',
          origin: 'int',
          bound: big ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER,
          inclusive: true,
        })
      return
    }
    case 'greater_than': {
      const number = value as number
      if (check.inclusive ? number >= check.n : number > check.n) return
      push({ code: 'too_small', origin: 'number', bound: check.n, inclusive: check.inclusive })
      return
    }
    case 'pattern': {
      const pattern = patternOf(check)
      // A shared global or sticky pattern remembers where it stopped; every test starts afresh.
      pattern.lastIndex = 0
      if (!pattern.test(value)) push({ code: 'invalid_format', format: check.format })
      return
    }
    case 'url': {
      const trimmed = (value as string).trim()
      if (!canParseUrl(trimmed)) push({ code: 'invalid_format', format: 'url' })
      else payload.value = trimmed.replace(/[\t\n\r]/g, '')
      return
    }
    case 'refine':
      if (!(refinementOf(check.fn) as Predicate<unknown>)(value))
        push({ code: 'custom', path: [...check.path] })
      return
    case 'super_refine': {
      const ctx = {
        addIssue: (raised: { code?: string; message?: string; path?: PropertyKey[] }) =>
          push({ ...raised, code: raised.code ?? 'custom' }),
      }
      ;(refinementOf(check.fn) as Refinement<unknown>)(value, ctx as never)
      return
    }
  }
}

/** zod's `runChecks`: length checks run unless explicitly stopped, the rest unless aborted. */
function runChecks(node: Descriptor, payload: Payload): void {
  if (!node.c) return
  let aborted = aborts(payload.issues)
  for (const check of node.c) {
    if (check.k === 'min_length' || check.k === 'max_length') {
      if (payload.issues.some((raised) => raised.continues === false)) continue
      const value = payload.value as { length?: unknown } | null | undefined
      if (value === null || value === undefined || value.length === undefined) continue
    } else if (aborted) continue
    const before = payload.issues.length
    runCheck(check, payload, node.e)
    if (!aborted && payload.issues.length > before) aborted = aborts(payload.issues, before)
  }
}

/** The payload's value is not of the node's type. */
function rejectType(node: Descriptor, payload: Payload, expected: string): void {
  raise(payload, { code: 'invalid_type', expected, input: payload.value, messages: [node.e] })
}

/** Adds a child's issues, their paths under `key`. */
function adopt(payload: Payload, key: PropertyKey, issues: RawIssue[]): void {
  for (const raised of issues) payload.issues.push({ ...raised, path: [key, ...raised.path] })
}

type ObjectNode = Extract<Descriptor, { t: 'object' }>
/** A field: its key, its node, and the node's optionality (see optinOf). */
type Field = [string, Descriptor, ReturnType<typeof optinOf>]
const fieldsOf = perNode((node: ObjectNode): Field[] =>
  Object.entries(node.shape)
    .filter(([key]) => key !== '__proto__')
    .map(([key, field]) => [key, field, optinOf(field)]),
)

function runObject(node: ObjectNode, payload: Payload): void {
  const input = payload.value
  if (!isObject(input)) {
    rejectType(node, payload, 'object')
    return
  }
  const output: Record<string, unknown> = {}
  payload.value = output
  for (const [key, field, optin] of fieldsOf(node)) {
    const present = key in input
    if (!present && optin === 'optional') continue
    const result = run(field, input[key])
    adopt(payload, key, result.issues)
    if (!present && optin === undefined) {
      if (result.issues.length === 0)
        raise(payload, { code: 'invalid_type', expected: 'nonoptional', path: [key] })
      continue
    }
    if (result.value === undefined) {
      if (present || optin === 'defaulted') output[key] = undefined
    } else output[key] = result.value
  }
  if (!node.strict) return
  const unknown: string[] = []
  for (const key in input) if (!Object.hasOwn(node.shape, key)) unknown.push(key)
  if (unknown.length > 0)
    raise(payload, {
      code: 'unrecognized_keys',
      keys: unknown,
      continues: true,
      messages: [node.e],
    })
}

function runRecord(node: Extract<Descriptor, { t: 'record' }>, payload: Payload): void {
  const input = payload.value
  if (!isPlainObject(input)) {
    rejectType(node, payload, 'record')
    return
  }
  const output: Record<PropertyKey, unknown> = {}
  payload.value = output
  for (const key of Reflect.ownKeys(input)) {
    if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(input, key)) continue
    const keyResult = run(node.key, key)
    if (keyResult.issues.length > 0) {
      raise(payload, { code: 'invalid_key', path: [key], messages: [node.e] })
      continue
    }
    const result = run(node.value, input[key])
    adopt(payload, key, result.issues)
    output[keyResult.value as PropertyKey] = result.value
  }
}

function runArray(node: Extract<Descriptor, { t: 'array' }>, payload: Payload): void {
  const input = payload.value
  if (!Array.isArray(input)) {
    rejectType(node, payload, 'array')
    return
  }
  const output: unknown[] = new Array(input.length)
  payload.value = output
  input.forEach((item, index) => {
    const result = run(node.item, item)
    adopt(payload, index, result.issues)
    output[index] = result.value
  })
}

function runUnion(node: Extract<Descriptor, { t: 'union' }>, payload: Payload): Payload {
  const results = node.options.map((option) => run(option, payload.value))
  const clean = results.find((result) => result.issues.length === 0)
  if (clean) return clean
  const open = results.filter((result) => !aborts(result.issues))
  if (open.length === 1) return open[0] as Payload
  raise(payload, { code: 'invalid_union', messages: [node.e] })
  return payload
}

function runDiscriminated(
  node: Extract<Descriptor, { t: 'discriminated_union' }>,
  payload: Payload,
): Payload {
  const input = payload.value
  if (!isObject(input)) {
    rejectType(node, payload, 'object')
    return payload
  }
  const match = node.options.find(([value]) => value === input[node.key])
  if (match) return runInto(match[1], payload)
  raise(payload, {
    code: 'invalid_union',
    path: [node.key],
    options: node.options.map(([value]) => value),
    messages: [node.e],
  })
  return payload
}

function runType(node: Descriptor, payload: Payload): Payload {
  const value = payload.value
  switch (node.t) {
    case 'string':
    case 'boolean':
      if (typeof value !== node.t) rejectType(node, payload, node.t)
      return payload
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) rejectType(node, payload, 'number')
      return payload
    case 'unknown':
      return payload
    case 'literal':
    case 'enum':
      if (!node.values.includes(value as never))
        raise(payload, { code: 'invalid_value', values: node.values, messages: [node.e] })
      return payload
    case 'object':
      runObject(node, payload)
      return payload
    case 'record':
      runRecord(node, payload)
      return payload
    case 'array':
      runArray(node, payload)
      return payload
    case 'optional':
      if (value === undefined && optinOf(node.inner) !== 'defaulted') return payload
      return runInto(node.inner, payload)
    case 'nullable':
      return value === null ? payload : runInto(node.inner, payload)
    case 'default':
      // An absent value, or one the inner schema turns into undefined, takes the default.
      if (value !== undefined) runInto(node.inner, payload)
      if (payload.value === undefined) payload.value = structuredClone(node.value)
      return payload
    case 'union':
      return runUnion(node, payload)
    case 'discriminated_union':
      return runDiscriminated(node, payload)
  }
}

/** Runs `node` on the payload in place (wrappers share their payload with the inner schema). */
function runInto(node: Descriptor, payload: Payload): Payload {
  const result = runType(node, payload)
  runChecks(node, result)
  return result
}

function run(node: Descriptor, value: unknown): Payload {
  return runInto(node, { value, issues: [] })
}

export interface DescribedIssue {
  code: string
  path: PropertyKey[]
  message: string
}

/** The message zod would settle on: the issue's own, its node's, its schema's, then the default. */
function messageOf(raised: RawIssue): string {
  if (raised.message) return raised.message
  for (const messages of raised.messages ?? []) {
    const message = typeof messages === 'string' ? messages : messages?.[raised.code]
    if (message !== undefined) return message
  }
  return defaultMessage(raised)
}

export type DescribedResult =
  | { success: true; data: unknown }
  | { success: false; issues: DescribedIssue[] }

export function runDescriptor(node: Descriptor, value: unknown): DescribedResult {
  const result = run(node, value)
  if (result.issues.length === 0) return { success: true, data: result.value }
  return {
    success: false,
    issues: result.issues.map((raised) => ({
      code: raised.code,
      path: raised.path,
      message: messageOf(raised),
    })),
  }
}
