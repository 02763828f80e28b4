// The runtime half of the compiled validators: turns the generated node table back into
// descriptors and wraps each in zod's `safeParse`/`parse` contract. Zod-free. The generated
// module (../generated/compiled-schemas.ts) calls these once per exported schema.
import type * as schemas from '../index.js'
import { parseOrThrow, type ValidationIssue } from '../validation.js'
import type { Descriptor } from './descriptor.js'
import { runDescriptor } from './run-descriptor.js'

export interface CompiledSchema<Out> {
  safeParse(
    input: unknown,
  ): { success: true; data: Out } | { success: false; error: { issues: ValidationIssue[] } }
  /** Throws `validation_error` (a FlowgladError), like `parseOrThrow`. */
  parse(input: unknown): Out
}

type Exports = typeof schemas
/** The names of the zod schemas `@flowglad/shared` exports. */
export type SchemaName = {
  [K in keyof Exports]: Exports[K] extends { _zod: { output: unknown } } ? K : never
}[keyof Exports]
/** The compiled form of the schema exported as `N`: same output type. */
export type CompiledSchemaOf<N extends SchemaName> = CompiledSchema<
  Exports[N] extends { _zod: { output: infer O } } ? O : never
>

/**
 * Wraps one schema's descriptor, unpacked on first use (an import costs no work per schema);
 * the type argument `N`, the zod export's name, carries the schema's type.
 */
export function compiledSchema<N extends SchemaName>(
  table: PackedTable,
  index: number,
): CompiledSchemaOf<N> {
  type Out = ReturnType<CompiledSchemaOf<N>['parse']>
  let descriptor: Descriptor | undefined
  const compiled: CompiledSchema<Out> = {
    safeParse(input) {
      descriptor ??= table.node(index)
      const result = runDescriptor(descriptor, input)
      return result.success
        ? { success: true, data: result.data as Out }
        : { success: false, error: { issues: result.issues } }
    },
    parse: (input) => parseOrThrow(compiled, input),
  }
  return compiled as CompiledSchemaOf<N>
}

/** The generated node table; a node and its children are unpacked when first asked for. */
export interface PackedTable {
  node(index: number): Descriptor
}

/** Children are indexes into the table; each node is turned back into a tree once, on demand. */
export function packedTable(packed: unknown[]): PackedTable {
  const unpacked = new Map<number, Descriptor>()
  const node = (index: number): Descriptor => {
    const known = unpacked.get(index)
    if (known) return known
    const copy = { ...(packed[index] as Record<string, unknown>) }
    // Registered before the children: a child shared with a sibling resolves to the same object.
    unpacked.set(index, copy as unknown as Descriptor)
    const at = (child: unknown) => node(child as number)
    if ('inner' in copy) copy.inner = at(copy.inner)
    if ('item' in copy) copy.item = at(copy.item)
    if (copy.t === 'record') Object.assign(copy, { key: at(copy.key), value: at(copy.value) })
    if (copy.t === 'object')
      copy.shape = Object.fromEntries(
        Object.entries(copy.shape as object).map(([key, child]) => [key, at(child)]),
      )
    if (copy.t === 'union') copy.options = (copy.options as number[]).map(at)
    if (copy.t === 'discriminated_union')
      copy.options = (copy.options as [unknown, number][]).map(([value, child]) => [
        value,
        at(child),
      ])
    return copy as unknown as Descriptor
  }
  return { node }
}
