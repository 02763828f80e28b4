// The data form of a zod schema that the compiled validators run: written at build time by
// describe-schema.ts from the schemas themselves, read at run time by run-descriptor.ts.
import type { RefinementTag } from '../schemas/refinements.js'

/**
 * Messages a node's own error option gives: one text for every issue (a string option), or one
 * per issue code (an error function); absent means zod's default text.
 */
export type Messages = string | Partial<Record<string, string>>

export type Check =
  | { k: 'min_length'; n: number; e?: Messages }
  | { k: 'max_length'; n: number; e?: Messages }
  | { k: 'int'; e?: Messages }
  | { k: 'greater_than'; n: number; inclusive: boolean; e?: Messages }
  | { k: 'less_than'; n: number; inclusive: boolean; e?: Messages }
  | { k: 'pattern'; format: string; source: string; flags: string; e?: Messages }
  | { k: 'url'; e?: Messages }
  | { k: 'refine'; fn: RefinementTag; path: (string | number)[]; e?: Messages }
  | { k: 'super_refine'; fn: RefinementTag; e?: Messages }

interface Base {
  /** The node's own messages. */
  e?: Messages
  /** Its checks, in zod's order (a string format is its own first check). */
  c?: Check[]
  /** zod's optionality markers, used by objects for absent keys. */
  optin?: 'optional' | 'defaulted'
  optout?: 'optional'
}

export type Descriptor = Base &
  (
    | { t: 'string' | 'number' | 'boolean' | 'unknown' }
    | { t: 'literal' | 'enum'; values: (string | number | boolean | null)[] }
    | { t: 'object'; shape: Record<string, Descriptor>; strict: boolean }
    | { t: 'record'; key: Descriptor; value: Descriptor }
    | { t: 'array'; item: Descriptor }
    | { t: 'optional' | 'nullable'; inner: Descriptor }
    | { t: 'default'; inner: Descriptor; value: unknown }
    | { t: 'union'; options: Descriptor[] }
    | { t: 'discriminated_union'; key: string; options: [unknown, Descriptor][] }
  )

/** A child in packed form: the index of its node in the shared node table. */
export type NodeRef = number

/**
 * The generated module's form: every distinct node once, children as indexes (nonEmptyString and
 * friends appear in many schemas), each schema an index.
 */
export interface PackedDescriptors {
  nodes: unknown[]
  schemas: Record<string, NodeRef>
}
