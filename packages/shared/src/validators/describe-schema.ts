// Build time only: writes a zod schema down as a Descriptor by reading zod's own definition of it.
// Anything it cannot write exactly throws, naming the schema and the construct, so a schema that
// would validate differently without zod never ships. Not reachable from any entry at run time.
import type * as z from 'zod'
import { refinementTag } from '../schemas/refinements.js'
import { formatNames } from './default-message.js'
import {
  type Check,
  type Descriptor,
  type Messages,
  type NodeRef,
  optinOf,
  type PackedDescriptors,
  type Node as PackedNode,
  withChildren,
} from './descriptor.js'

type Def = Record<string, unknown> & { type: string; error?: (issue: unknown) => unknown }
interface Internals {
  def: Def
  optin?: 'optional' | 'defaulted'
  optout?: 'optional'
  traits: Set<string>
  check?: unknown
}
type Node = { _zod: Internals }

const issueCodes = [
  'invalid_type',
  'invalid_value',
  'unrecognized_keys',
  'invalid_key',
  'invalid_union',
  'too_small',
  'too_big',
  'invalid_format',
  'custom',
]

/** The text a schema's error option gives for each issue code (error maps that read more than the code are not supported). */
function messagesOf(def: Def): Messages | undefined {
  if (typeof def.error !== 'function') return undefined
  const messages: Messages = {}
  for (const code of issueCodes) {
    const out = def.error({ code, path: [], input: undefined })
    const message = typeof out === 'string' ? out : (out as { message?: string })?.message
    if (message !== undefined) messages[code] = message
  }
  const texts = new Set(Object.values(messages))
  const [only] = texts
  // A string option answers every code with the same text: keep it once.
  if (texts.size === 1 && Object.keys(messages).length === issueCodes.length) return only
  return Object.keys(messages).length > 0 ? messages : undefined
}

/** A superRefine check keeps its function in a closure; this map is filled as schemas are built. */
export const superRefineFunctions = new WeakMap<object, unknown>()

/**
 * Remembers which function each `.superRefine()` check runs. zod installs its methods on each
 * schema class's prototype, so one schema of every kind is made first and each prototype's
 * `superRefine` is wrapped. Call before the schemas are built (the build script and
 * validators.test.ts do).
 */
export function recordSuperRefines(zod: typeof z): void {
  const samples: unknown[] = [
    zod.string(),
    zod.number(),
    zod.boolean(),
    zod.unknown(),
    zod.literal('a'),
    zod.enum(['a']),
    zod.object({}),
    zod.strictObject({}),
    zod.array(zod.string()),
    zod.record(zod.string(), zod.unknown()),
    zod.union([zod.string(), zod.number()]),
    zod.discriminatedUnion('k', [zod.object({ k: zod.literal('a') })]),
    zod.string().optional(),
    zod.string().nullable(),
    zod.string().default('a'),
    zod.email(),
    zod.url(),
    zod.iso.datetime(),
  ]
  for (const sample of samples) {
    let owner = Object.getPrototypeOf(sample) as object | null
    while (owner && !Object.hasOwn(owner, 'superRefine')) owner = Object.getPrototypeOf(owner)
    if (!owner) throw new Error('zod has no superRefine method to observe')
    if (patched.has(owner)) continue
    patched.add(owner)
    // zod's member is a getter that binds the method to the instance (and caches it there).
    const member = Object.getOwnPropertyDescriptor(owner, 'superRefine') as PropertyDescriptor
    const originalFor = (self: Node): ((...args: unknown[]) => Node) => {
      if (!member.get) return (member.value as (...args: unknown[]) => Node).bind(self)
      const bound = member.get.call(self)
      if (Object.hasOwn(self, 'superRefine')) delete (self as { superRefine?: unknown }).superRefine
      return bound
    }
    Object.defineProperty(owner, 'superRefine', {
      configurable: true,
      enumerable: false,
      get(this: Node) {
        return (fn: unknown, ...rest: unknown[]) => {
          const refined = originalFor(this)(fn, ...rest)
          const checks = refined._zod.def.checks as object[]
          superRefineFunctions.set(checks[checks.length - 1] as object, fn)
          return refined
        }
      },
    })
  }
}

const patched = new WeakSet<object>()

function tagOf(fn: unknown, where: string) {
  const tag = refinementTag(fn)
  if (!tag) {
    throw new Error(
      `${where}: a refinement that is not built by a factory in schemas/refinements.ts (compiled validators need it by name)`,
    )
  }
  return tag
}

function describeCheck(check: Node, where: string): Check {
  const def = check._zod.def
  const e = messagesOf(def)
  if (def.when && !['min_length', 'max_length'].includes(def.check as string))
    throw new Error(`${where}: a check with a custom "when"`)
  if (def.abort) throw new Error(`${where}: a check with abort: true`)
  switch (def.check) {
    case 'min_length':
      return { k: 'min_length', n: def.minimum as number, e }
    case 'max_length':
      return { k: 'max_length', n: def.maximum as number, e }
    case 'number_format':
      if (def.format !== 'safeint') throw new Error(`${where}: number format ${def.format}`)
      return { k: 'int', e }
    case 'greater_than':
      if (typeof def.value !== 'number') throw new Error(`${where}: a non-number bound`)
      return {
        k: 'greater_than',
        n: def.value,
        ...(def.inclusive === true && { inclusive: true }),
        e,
      }
    case 'string_format': {
      if (def.format === 'url') {
        if ('hostname' in def || 'protocol' in def || 'normalize' in def)
          throw new Error(`${where}: url options`)
        return { k: 'url', e }
      }
      const pattern = def.pattern as RegExp | undefined
      const format = def.format as string
      if (!pattern) throw new Error(`${where}: string format ${format} without a pattern`)
      if (!Object.hasOwn(formatNames, format))
        throw new Error(`${where}: string format ${format} (default-message.ts has no name for it)`)
      return {
        k: 'pattern',
        format,
        source: pattern.source,
        flags: pattern.flags,
        e,
      }
    }
    case 'custom': {
      if (check._zod.traits.has('$ZodType')) {
        return { k: 'refine', fn: tagOf(def.fn, where), path: (def.path as []) ?? [], e }
      }
      return { k: 'super_refine', fn: tagOf(superRefineFunctions.get(check), where), e }
    }
    default:
      throw new Error(`${where}: check ${String(def.check)}`)
  }
}

function describeType(schema: Node, where: string): Descriptor {
  const def = schema._zod.def
  const inner = (key: string, label = key) =>
    describeSchema(def[key] as z.ZodType, `${where}.${label}`)
  switch (def.type) {
    case 'string':
      if (def.coerce) throw new Error(`${where}: coerce`)
      return { t: 'string' }
    case 'number':
    case 'boolean':
      if (def.coerce) throw new Error(`${where}: coerce`)
      return { t: def.type }
    case 'unknown':
    case 'any':
      return { t: 'unknown' }
    case 'literal':
      return { t: 'literal', values: def.values as [] }
    case 'enum':
      return { t: 'enum', values: Object.values(def.entries as object) }
    case 'object': {
      const catchall = (def.catchall as Node | undefined)?._zod.def.type
      if (catchall !== undefined && catchall !== 'never')
        throw new Error(`${where}: an object with a catchall`)
      const shape = def.shape as Record<string, z.ZodType>
      return {
        t: 'object',
        ...(catchall === 'never' && { strict: true }),
        shape: Object.fromEntries(
          Object.entries(shape).map(([key, field]) => [
            key,
            describeSchema(field, `${where}.${key}`),
          ]),
        ),
      }
    }
    case 'record':
      if (def.mode && def.mode !== 'strict') throw new Error(`${where}: record mode ${def.mode}`)
      if ((def.keyType as Node)._zod.def.type !== 'string')
        throw new Error(`${where}: a record key other than z.string()`)
      return { t: 'record', key: inner('keyType', '<key>'), value: inner('valueType', '<value>') }
    case 'array':
      return { t: 'array', item: inner('element', '<item>') }
    case 'optional':
    case 'nullable':
      return { t: def.type, inner: inner('innerType', '') }
    case 'default':
      return { t: 'default', inner: inner('innerType', ''), value: def.defaultValue }
    case 'union': {
      if (def.inclusive === false && !('discriminator' in def))
        throw new Error(`${where}: an exclusive union`)
      const options = (def.options as z.ZodType[]).map((option, index) =>
        describeSchema(option, `${where}|${index}`),
      )
      if (!('discriminator' in def)) return { t: 'union', options }
      if (def.unionFallback) throw new Error(`${where}: unionFallback`)
      const key = def.discriminator as string
      const entries: [unknown, Descriptor][] = []
      options.forEach((option) => {
        const field = option.t === 'object' ? option.shape[key] : undefined
        if (!field || field.t !== 'literal')
          throw new Error(`${where}: a discriminator that is not a literal`)
        for (const value of field.values) entries.push([value, option])
      })
      return { t: 'discriminated_union', key, options: entries }
    }
    default:
      throw new Error(`${where}: zod type ${def.type}`)
  }
}

/** The Descriptor of `schema`; throws on anything it cannot reproduce exactly. */
export function describeSchema(schema: z.ZodType, where: string): Descriptor {
  const node = schema as unknown as Node
  const internals = node._zod
  const described = describeType(node, where)
  const checks: Node[] = [...((internals.def.checks as Node[] | undefined) ?? [])]
  // A string format (z.email(), z.url(), z.iso.datetime()) is its own first check.
  if (internals.traits.has('$ZodCheck') && internals.def.type === 'string') checks.unshift(node)
  const e = messagesOf(internals.def)
  const c = checks.map((check, index) => {
    const written = describeCheck(check, `${where}#check${index}`)
    // The runner falls back to the node's messages: a check repeating them need not carry them.
    if (written.e !== undefined && JSON.stringify(written.e) === JSON.stringify(e)) delete written.e
    return written
  })
  const descriptor: Descriptor = {
    ...described,
    ...(e ? { e } : {}),
    ...(c.length > 0 ? { c } : {}),
  }
  const optin = optinOf(descriptor)
  if (
    optin !== internals.optin ||
    internals.optout !== (optin === 'optional' ? 'optional' : undefined)
  )
    throw new Error(
      `${where}: optionality that does not follow from the type (${internals.def.type})`,
    )
  return descriptor
}

/** Every zod schema among a module's exports, described, keyed by export name. */
export function describeExports(exports: Record<string, unknown>): Record<string, Descriptor> {
  const described: Record<string, Descriptor> = {}
  for (const [name, value] of Object.entries(exports).sort(([a], [b]) => a.localeCompare(b))) {
    const internals = (value as Partial<Node> | null)?._zod
    if (!internals?.traits?.has('$ZodType')) continue
    described[name] = describeSchema(value as z.ZodType, name)
  }
  return described
}

/** Which export each action's input schema is, by identity with the action table. */
export function actionSchemaNamesOf(exports: Record<string, unknown>): Record<string, string> {
  const actions = exports.flowgladActions as Record<string, { inputSchema: unknown }>
  const names: Record<string, string> = {}
  for (const [key, action] of Object.entries(actions)) {
    const name = Object.keys(exports)
      .sort()
      .find((candidate) => exports[candidate] === action.inputSchema)
    if (!name) throw new Error(`action ${key}: its input schema is not exported from the index`)
    names[key] = name
  }
  return names
}

/** Every distinct node once, children replaced by their ref (see PackedDescriptors). */
export function packDescriptors(descriptors: Record<string, Descriptor>): PackedDescriptors {
  const nodes: PackedNode<NodeRef>[] = []
  const index = new Map<string, number>()
  const ref = (node: Descriptor): NodeRef => {
    if (node.t === 'optional' && Object.keys(node).length === 2) return -1 - ref(node.inner)
    const packed = withChildren(node, ref)
    const json = JSON.stringify(packed)
    if (JSON.stringify(JSON.parse(json)) !== json) throw new Error(`not plain JSON: ${json}`)
    let at = index.get(json)
    if (at === undefined) {
      at = nodes.push(packed) - 1
      index.set(json, at)
    }
    return at
  }
  const schemas = Object.fromEntries(
    Object.entries(descriptors).map(([name, node]) => [name, ref(node)]),
  )
  return { nodes, schemas }
}

/** Names that are safe as a generated `export const`. */
const identifier = /^[A-Za-z_$][\w$]*$/

/**
 * The text of src/generated/compiled-schemas.ts for the given `@flowglad/shared` exports: the
 * node table, one `export const` per schema (the zod export's name), and the action map.
 */
export function compiledSchemasModule(exports: Record<string, unknown>): string {
  const { nodes, schemas } = packDescriptors(describeExports(exports))
  const names = Object.keys(schemas)
  for (const name of names) if (!identifier.test(name)) throw new Error(`export name ${name}`)
  const actions = actionSchemaNamesOf(exports)
  return [
    '// Generated at build time from the zod schemas by scripts/generate-validators.mjs: do not edit.',
    '// `pnpm --filter @flowglad/shared build` rewrites it; validators.test.ts fails when it is stale.',
    "import { compiledSchema, type PackedNode, packedTable } from '../validators/compiled-schemas.js'",
    '',
    // A function, so an import only scans the table: it is parsed and built on first use.
    `const nodes = /* @__PURE__ */ packedTable((): PackedNode[] => [\n${nodes.map((node) => JSON.stringify(node)).join(',\n')},\n])`,
    '',
    ...names.map(
      // The name is a type argument only: a string argument would ship in every bundle. Marked
      // pure so a bundle keeps only the validators it uses, also from a one-file build.
      (name) =>
        `export const ${name} = /* @__PURE__ */ compiledSchema<'${name}'>(nodes, ${schemas[name]})`,
    ),
    '',
    '/** The input validator of each action of the action table. */',
    'export const compiledActionSchemas = {',
    ...Object.entries(actions).map(([key, name]) => `  '${key}': ${name},`),
    '}',
    '',
  ].join('\n')
}
