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
import type { Check, Descriptor, Messages } from './descriptor.js'

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

/** Length in code points, as zod measures strings. */
function codePoints(text: string): number {
  let count = text.length
  for (let index = 0; index < text.length - 1; index++) {
    const unit = text.charCodeAt(index)
    const next = text.charCodeAt(index + 1)
    if ((unit & 0xfc00) === 0xd800 && (next & 0xfc00) === 0xdc00) {
      count--
      index++
    }
  }
  return count
}

const lengthOf = (value: { length: number }) =>
  typeof value === 'string' ? codePoints(value) : value.length
const lengthOrigin = (value: unknown) =>
  Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'unknown'

// Parsing is a hot path (every tracked event): built refinements and patterns are kept per
// descriptor node, so a check costs a lookup, not a JSON.stringify or a new RegExp.
const refinementCache = new Map<string, unknown>()
const refinementByTag = new WeakMap<RefinementTag, (...args: unknown[]) => unknown>()
function refinementOf(tag: RefinementTag): (...args: unknown[]) => unknown {
  const known = refinementByTag.get(tag)
  if (known) return known
  const key = JSON.stringify(tag)
  let fn = refinementCache.get(key) as ((...args: unknown[]) => unknown) | undefined
  if (!fn) {
    const factory = refinementFactories[tag.name] as (...args: unknown[]) => unknown
    fn = factory(...tag.args) as (...args: unknown[]) => unknown
    refinementCache.set(key, fn)
  }
  refinementByTag.set(tag, fn)
  return fn
}

const patternByCheck = new WeakMap<object, RegExp>()
function patternOf(check: { source: string; flags: string }): RegExp {
  let pattern = patternByCheck.get(check)
  if (!pattern) {
    pattern = new RegExp(check.source, check.flags)
    patternByCheck.set(check, pattern)
  }
  // A shared global or sticky pattern remembers where it stopped; every test starts afresh.
  pattern.lastIndex = 0
  return pattern
}

const issue = (raw: Omit<RawIssue, 'path'> & { path?: PropertyKey[] }): RawIssue => ({
  ...raw,
  path: raw.path ?? [],
})

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
    payload.issues.push(issue({ continues: true, input: value, messages: [check.e, own], ...raw }))
  switch (check.k) {
    case 'min_length':
      if (lengthOf(value) < check.n)
        push({ code: 'too_small', origin: lengthOrigin(value), minimum: check.n, inclusive: true })
      return
    case 'max_length':
      if (lengthOf(value) > check.n)
        push({ code: 'too_big', origin: lengthOrigin(value), maximum: check.n, inclusive: true })
      return
    case 'int': {
      const number = value as number
      if (!Number.isInteger(number))
        push({ code: 'invalid_type', expected: 'int', continues: false })
      else if (!Number.isSafeInteger(number))
        push(
          number > 0
            ? { code: 'too_big', origin: 'int', maximum: Number.MAX_SAFE_INTEGER, inclusive: true }
            : {
                code: 'too_small',
                origin: 'int',
                minimum: Number.MIN_SAFE_INTEGER,
                inclusive: true,
              },
        )
      return
    }
    case 'greater_than': {
      const number = value as number
      if (check.inclusive ? number >= check.n : number > check.n) return
      push({ code: 'too_small', origin: 'number', minimum: check.n, inclusive: check.inclusive })
      return
    }
    case 'less_than': {
      const number = value as number
      if (check.inclusive ? number <= check.n : number < check.n) return
      push({ code: 'too_big', origin: 'number', maximum: check.n, inclusive: check.inclusive })
      return
    }
    case 'pattern': {
      const pattern = patternOf(check)
      if (!pattern.test(value))
        push({ code: 'invalid_format', format: check.format, pattern: String(pattern) })
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
          push({ ...raised, code: raised.code ?? 'custom', path: raised.path ?? [] }),
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

function typeIssue(node: Descriptor, expected: string, input: unknown): RawIssue {
  return issue({ code: 'invalid_type', expected, input, messages: [node.e] })
}

function prefixed(key: PropertyKey, issues: RawIssue[]): RawIssue[] {
  return issues.map((raised) => ({ ...raised, path: [key, ...raised.path] }))
}

type ObjectNode = Extract<Descriptor, { t: 'object' }>
const fieldsByNode = new WeakMap<ObjectNode, [string, Descriptor][]>()
function fieldsOf(node: ObjectNode): [string, Descriptor][] {
  let fields = fieldsByNode.get(node)
  if (!fields) {
    fields = Object.entries(node.shape).filter(([key]) => key !== '__proto__')
    fieldsByNode.set(node, fields)
  }
  return fields
}

function runObject(node: ObjectNode, payload: Payload): void {
  const input = payload.value
  if (!isObject(input)) {
    payload.issues.push(typeIssue(node, 'object', input))
    return
  }
  const output: Record<string, unknown> = {}
  payload.value = output
  for (const [key, field] of fieldsOf(node)) {
    const present = key in input
    const isOptionalOut = field.optout === 'optional'
    if (!present && isOptionalOut && field.optin === 'optional') continue
    const result = run(field, input[key])
    if (result.issues.length > 0) {
      if (field.optin !== undefined && isOptionalOut && !present) continue
      payload.issues.push(...prefixed(key, result.issues))
    }
    if (!present && field.optin === undefined) {
      if (result.issues.length === 0)
        payload.issues.push(issue({ code: 'invalid_type', expected: 'nonoptional', path: [key] }))
      continue
    }
    if (result.value === undefined) {
      if (present || (field.optin === 'defaulted' && !isOptionalOut)) output[key] = undefined
    } else output[key] = result.value
  }
  if (!node.strict) return
  const unknown: string[] = []
  for (const key in input) if (!Object.hasOwn(node.shape, key)) unknown.push(key)
  if (unknown.length > 0)
    payload.issues.push(
      issue({ code: 'unrecognized_keys', keys: unknown, continues: true, messages: [node.e] }),
    )
}

function runRecord(node: Extract<Descriptor, { t: 'record' }>, payload: Payload): void {
  const input = payload.value
  if (!isPlainObject(input)) {
    payload.issues.push(typeIssue(node, 'record', input))
    return
  }
  const output: Record<PropertyKey, unknown> = {}
  payload.value = output
  for (const key of Reflect.ownKeys(input)) {
    if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(input, key)) continue
    const keyResult = run(node.key, key)
    if (keyResult.issues.length > 0) {
      payload.issues.push(issue({ code: 'invalid_key', path: [key], messages: [node.e] }))
      continue
    }
    const result = run(node.value, input[key])
    payload.issues.push(...prefixed(key, result.issues))
    output[keyResult.value as PropertyKey] = result.value
  }
}

function runArray(node: Extract<Descriptor, { t: 'array' }>, payload: Payload): void {
  const input = payload.value
  if (!Array.isArray(input)) {
    payload.issues.push(typeIssue(node, 'array', input))
    return
  }
  const output: unknown[] = new Array(input.length)
  payload.value = output
  input.forEach((item, index) => {
    const result = run(node.item, item)
    payload.issues.push(...prefixed(index, result.issues))
    output[index] = result.value
  })
}

function runUnion(node: Extract<Descriptor, { t: 'union' }>, payload: Payload): Payload {
  const results = node.options.map((option) => run(option, payload.value))
  const clean = results.find((result) => result.issues.length === 0)
  if (clean) return clean
  const open = results.filter((result) => !aborts(result.issues))
  if (open.length === 1) return open[0] as Payload
  payload.issues.push(issue({ code: 'invalid_union', input: payload.value, messages: [node.e] }))
  return payload
}

function runDiscriminated(
  node: Extract<Descriptor, { t: 'discriminated_union' }>,
  payload: Payload,
): Payload {
  const input = payload.value
  if (!isObject(input)) {
    payload.issues.push(typeIssue(node, 'object', input))
    return payload
  }
  const match = node.options.find(([value]) => value === input[node.key])
  if (match) return runInto(match[1], payload)
  payload.issues.push(
    issue({
      code: 'invalid_union',
      path: [node.key],
      options: node.options.map(([value]) => value),
      messages: [node.e],
    }),
  )
  return payload
}

function runType(node: Descriptor, payload: Payload): Payload {
  const value = payload.value
  switch (node.t) {
    case 'string':
    case 'boolean':
      if (typeof value !== node.t) payload.issues.push(typeIssue(node, node.t, value))
      return payload
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        payload.issues.push(typeIssue(node, 'number', value))
      return payload
    case 'unknown':
      return payload
    case 'literal':
    case 'enum':
      if (!node.values.includes(value as never))
        payload.issues.push(
          issue({ code: 'invalid_value', values: node.values, input: value, messages: [node.e] }),
        )
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
      if (value === undefined && node.inner.optin !== 'defaulted') return payload
      return runInto(node.inner, payload)
    case 'nullable':
      return value === null ? payload : runInto(node.inner, payload)
    case 'default':
      if (value === undefined) {
        payload.value = structuredClone(node.value)
        return payload
      }
      runInto(node.inner, payload)
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
