// Test-only helper: inputs to run a schema and its compiled validator on, derived from the
// descriptor so every field of every schema gets valid values, wrong types and edge cases.
import { type Descriptor, optinOf } from '../src/validators/descriptor.js'

/** Values that exercise each zod type's edges (wrong types, empties, NaN, odd objects). */
export const oddValues: unknown[] = [
  undefined,
  null,
  '',
  'x',
  '  https://example.com/a  ',
  'https://example.com/\tpath',
  'javascript:alert(1)',
  'ftp://example.com',
  'not a url',
  'a@example.com',
  'not-an-email',
  '2024-05-01T10:00:00Z',
  '2024-05-01',
  '\u{1F600}',
  0,
  1,
  -1,
  1.5,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  [],
  ['x'],
  [''],
  {},
  { a: 1 },
  new Date(0),
  Object.create(null),
  'at_end_of_current_billing_period',
  'immediately',
  'product',
]

function formatSample(node: Descriptor): string {
  for (const check of node.c ?? []) {
    if (check.k === 'url') return 'https://example.com/done'
    if (check.k === 'pattern' && check.format === 'email') return 'person@example.com'
    if (check.k === 'pattern' && check.format === 'datetime') return '2024-05-01T10:00:00Z'
  }
  return 'value-1'
}

/** One value the node accepts when its refinements allow (first option, all fields set). */
export function validSample(node: Descriptor): unknown {
  switch (node.t) {
    case 'string':
      return formatSample(node)
    case 'number':
      return 2
    case 'boolean':
      return true
    case 'unknown':
      return { any: 'thing' }
    case 'literal':
    case 'enum':
      return node.values[0]
    case 'object':
      return Object.fromEntries(
        Object.entries(node.shape).map(([key, field]) => [key, validSample(field)]),
      )
    case 'record':
      return { k: validSample(node.value) }
    case 'array':
      return [validSample(node.item)]
    case 'optional':
    case 'nullable':
    case 'default':
      return validSample(node.inner)
    case 'union':
      return validSample(node.options[0] as Descriptor)
    case 'discriminated_union':
      return validSample((node.options[0] as [unknown, Descriptor])[1])
  }
}

function objectOf(node: Descriptor): Extract<Descriptor, { t: 'object' }> | undefined {
  if (node.t === 'object') return node
  if (node.t === 'optional' || node.t === 'nullable' || node.t === 'default')
    return objectOf(node.inner)
  return undefined
}

/** Inputs for a schema: a valid sample, then each field removed, replaced and nested-replaced. */
export function sampleInputs(node: Descriptor): unknown[] {
  const inputs: unknown[] = [...oddValues]
  const object = objectOf(node)
  if (!object) {
    inputs.push(validSample(node))
    return inputs
  }
  const full = validSample(object) as Record<string, unknown>
  const keys = Object.keys(object.shape)
  const minimal = Object.fromEntries(
    keys
      .filter((key) => {
        const field = object.shape[key] as Descriptor
        return optinOf(field) === undefined
      })
      .map((key) => [key, full[key]]),
  )
  inputs.push(full, minimal, { ...minimal, unknownKey: 1 }, { ...full, a: 1, b: 2 })
  for (const key of keys) {
    const withoutKey = { ...full }
    delete withoutKey[key]
    inputs.push(withoutKey, { ...minimal, [key]: full[key] })
    for (const value of oddValues) {
      inputs.push({ ...full, [key]: value }, { ...minimal, [key]: value })
    }
    const nested = objectOf(object.shape[key] as Descriptor)
    const inner = full[key] as Record<string, unknown> | undefined
    if (nested && inner) {
      for (const innerKey of Object.keys(nested.shape)) {
        for (const value of oddValues.slice(0, 12)) {
          inputs.push({ ...full, [key]: { ...inner, [innerKey]: value } })
        }
      }
    }
  }
  return inputs
}
