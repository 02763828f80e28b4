// The runtime half of the compiled validators: turns the generated node table back into
// descriptors and wraps each in zod's `safeParse`/`parse` contract. Zod-free. The generated
// module (../generated/compiled-schemas.ts) calls these once per exported schema.
import type * as schemas from '../index.js'
import { parseOrThrow, type ValidationIssue } from '../validation.js'
import { type Descriptor, type Node, type NodeRef, withChildren } from './descriptor.js'
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
      descriptor ??= table(index)
      const result = runDescriptor(descriptor, input)
      return result.success
        ? { success: true, data: result.data as Out }
        : { success: false, error: { issues: result.issues } }
    },
    parse: (input) => parseOrThrow(compiled, input),
  }
  return compiled as CompiledSchemaOf<N>
}

/** One node of the generated table: children are refs into the table. */
export type PackedNode = Node<NodeRef>

/** The generated node table: a node by its ref, it and its children unpacked when first asked for. */
export type PackedTable = (ref: NodeRef) => Descriptor

/**
 * Each node is turned back into a tree once, on demand; a child shared by several nodes becomes
 * one object. A folded optional (a negative ref) becomes a wrapper of its own per reference.
 * The nodes come as a function: V8 only pre-parses a function body, so the table costs an
 * import a scan, and is parsed and built when a validator first runs.
 */
export function packedTable(packed: () => PackedNode[]): PackedTable {
  let nodes: PackedNode[] | undefined
  const unpacked: Descriptor[] = []
  const node = (ref: NodeRef): Descriptor => {
    if (ref < 0) return { t: 'optional', inner: node(-1 - ref) }
    nodes ??= packed()
    unpacked[ref] ??= withChildren(nodes[ref] as PackedNode, node)
    return unpacked[ref] as Descriptor
  }
  return node
}
