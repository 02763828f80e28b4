// The schemas' refinements, zod-free. Each is made by a named factory from plain arguments, so
// the build can write it down as `{ name, args }` and the compiled validators (which run without
// zod) rebuild the same function from that (README: "Compiled validators").
import { validateUsageProperties } from './usage-properties-check.js'

/** What a refinement may report: zod's `ctx.addIssue` subset the schemas use. */
// A type alias (not an interface) so it is assignable to zod's index-signatured issue type.
export type RefinementIssue = {
  code: 'custom'
  message: string
  path?: (string | number)[]
}
export interface RefinementContext {
  addIssue(issue: RefinementIssue): void
}
export type Refinement<T = never> = (value: T, ctx: RefinementContext) => void
/** A `.refine()` predicate: true keeps the value. */
export type Predicate<T = never> = (value: T) => boolean

export interface RefinementTag {
  name: keyof typeof refinementFactories
  args: unknown[]
}

const tags = new WeakMap<object, RefinementTag>()

/** The `{ name, args }` a refinement was made from, or undefined for an ad-hoc function. */
export function refinementTag(fn: unknown): RefinementTag | undefined {
  return typeof fn === 'function' ? tags.get(fn) : undefined
}

function tagged<F extends object>(fn: F, name: RefinementTag['name'], args: unknown[]): F {
  tags.set(fn, { name, args })
  return fn
}

/** Adds one issue at the object root unless exactly one of `fields` is set. */
export function requireExactlyOne<T extends Record<string, unknown>>(
  fields: readonly (keyof T & string)[],
  message: string,
): Refinement<T> {
  const refinement: Refinement<T> = (value, ctx) => {
    const present = fields.filter((field) => value[field] !== undefined)
    if (present.length !== 1) ctx.addIssue({ code: 'custom', message, path: [] })
  }
  return tagged(refinement, 'requireExactlyOne', [fields, message])
}

/** Absolute http(s) URLs only: a `javascript:` or `data:` redirect would run in the app's origin. */
export function httpUrl(): Predicate<string> {
  return tagged((url: string) => /^https?:\/\//i.test(url), 'httpUrl', [])
}

/** `properties` must be plain JSON within the limits (see usage-properties-check.ts). */
export function plainJsonProperties(): Refinement<Record<string, unknown>> {
  const refinement: Refinement<Record<string, unknown>> = (properties, ctx) => {
    const problem = validateUsageProperties(properties)
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path })
  }
  return tagged(refinement, 'plainJsonProperties', [])
}

type Adjustment = Partial<
  Record<'priceSlug' | 'priceId' | 'subscriptionItems' | 'quantity', unknown>
>
const adjustmentForms = ['priceSlug', 'priceId', 'subscriptionItems'] as const

/** `adjustSubscription`: exactly one form; `quantity` lives inside `subscriptionItems` entries. */
export function oneAdjustmentForm(): Refinement<Adjustment> {
  const refinement: Refinement<Adjustment> = (value, ctx) => {
    const forms = adjustmentForms.filter((field) => value[field] !== undefined)
    if (forms.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'Exactly one of priceSlug, priceId or subscriptionItems must be provided',
      })
    } else if (forms[0] === 'subscriptionItems' && value.quantity !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['quantity'],
        message: 'quantity goes inside each subscriptionItems entry',
      })
    }
  }
  return tagged(refinement, 'oneAdjustmentForm', [])
}

/** Every factory by name: how a compiled validator turns a tag back into the function. */
export const refinementFactories = {
  requireExactlyOne: requireExactlyOne as (...args: never[]) => unknown,
  httpUrl,
  plainJsonProperties,
  oneAdjustmentForm,
}
