// The data form of a zod schema that the compiled validators run: written at build time by
// describe-schema.ts from the schemas themselves, read at run time by run-descriptor.ts.
import type { RefinementTag } from '../schemas/refinements.js'

/**
 * Messages a node's own error option gives: one text for every issue (a string option), or one
 * per issue code (an error function); absent means zod's default text.
 */
export type Messages = string | Partial<Record<string, string>>

/** A check's `e` is left out where it equals its node's (the runner falls back to the node's). */
export type Check =
  | { k: 'min_length'; n: number; e?: Messages }
  | { k: 'max_length'; n: number; e?: Messages }
  | { k: 'int'; e?: Messages }
  // A bound without `inclusive` is exclusive.
  | { k: 'greater_than'; n: number; inclusive?: true; e?: Messages }
  | { k: 'pattern'; format: string; source: string; flags: string; e?: Messages }
  | { k: 'url'; e?: Messages }
  | { k: 'refine'; fn: RefinementTag; path: (string | number)[]; e?: Messages }
  | { k: 'super_refine'; fn: RefinementTag; e?: Messages }

interface Base {
  /** The node's own messages. */
  e?: Messages
  /** Its checks, in zod's order (a string format is its own first check). */
  c?: Check[]
}

// One interface per node kind, generic in how a child is held.
interface Leaf extends Base {
  t: 'string' | 'number' | 'boolean' | 'unknown'
}
interface Values extends Base {
  t: 'literal' | 'enum'
  values: (string | number | boolean | null)[]
}
interface ObjectNode<Child> extends Base {
  t: 'object'
  shape: Record<string, Child>
  /** Unknown keys are an issue (absent: they are stripped). */
  strict?: true
}
interface RecordNode<Child> extends Base {
  t: 'record'
  key: Child
  value: Child
}
interface ArrayNode<Child> extends Base {
  t: 'array'
  item: Child
}
interface Wrapper<Child> extends Base {
  t: 'optional' | 'nullable'
  inner: Child
}
interface DefaultNode<Child> extends Base {
  t: 'default'
  inner: Child
  value: unknown
}
interface UnionNode<Child> extends Base {
  t: 'union'
  options: Child[]
}
interface DiscriminatedNode<Child> extends Base {
  t: 'discriminated_union'
  key: string
  options: [unknown, Child][]
}

/** A node whose children are `Child`: descriptors in the tree form, refs in the packed form. */
export type Node<Child> =
  | Leaf
  | Values
  | ObjectNode<Child>
  | RecordNode<Child>
  | ArrayNode<Child>
  | Wrapper<Child>
  | DefaultNode<Child>
  | UnionNode<Child>
  | DiscriminatedNode<Child>

/** The tree form (spelled out: an alias may not refer to itself through `Node<Descriptor>`). */
export type Descriptor =
  | Leaf
  | Values
  | ObjectNode<Descriptor>
  | RecordNode<Descriptor>
  | ArrayNode<Descriptor>
  | Wrapper<Descriptor>
  | DefaultNode<Descriptor>
  | UnionNode<Descriptor>
  | DiscriminatedNode<Descriptor>

/** The same node with each child replaced by `child(it)`; one place that knows where children are. */
export function withChildren<From, To>(node: Node<From>, child: (from: From) => To): Node<To> {
  switch (node.t) {
    case 'optional':
    case 'nullable':
    case 'default':
      return { ...node, inner: child(node.inner) }
    case 'array':
      return { ...node, item: child(node.item) }
    case 'record':
      return { ...node, key: child(node.key), value: child(node.value) }
    case 'object':
      return {
        ...node,
        shape: Object.fromEntries(Object.entries(node.shape).map(([key, v]) => [key, child(v)])),
      }
    case 'union':
      return { ...node, options: node.options.map(child) }
    case 'discriminated_union':
      return {
        ...node,
        options: node.options.map(([value, v]): [unknown, To] => [value, child(v)]),
      }
    default:
      return node
  }
}

/**
 * zod's `optin` marker, which follows from the node's type (the describer checks it against
 * zod's): 'optional' lets an object key be absent, 'defaulted' fills an absent key in. (zod's
 * `optout` is 'optional' exactly where `optin` is, for the node types described here.)
 */
export function optinOf(node: Descriptor): 'optional' | 'defaulted' | undefined {
  if (node.t === 'nullable') return optinOf(node.inner)
  if (node.t === 'default') return 'defaulted'
  if (node.t === 'optional') return 'optional'
  return undefined
}

/**
 * A child in packed form: the index of its node in the shared node table, or, for an optional
 * node with nothing of its own (a third of all nodes), `-1 - index` of the node it wraps.
 */
export type NodeRef = number

/**
 * The generated module's form: every distinct node once, children as refs (nonEmptyString and
 * friends appear in many schemas), each schema a ref.
 */
export interface PackedDescriptors {
  nodes: Node<NodeRef>[]
  schemas: Record<string, NodeRef>
}
