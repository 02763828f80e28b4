// Type-level assertion helpers. Nothing here runs: `tsc --noEmit` is the test.

/** Compiles only for `true`. */
export type Expect<T extends true> = T

/** Exact type equality (not mutual assignability, which `any` would pass). */
export type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false

/** Keys of T that may be left out. For a union: optional in some member, or not in all. */
type OptionalKeys<T> = keyof T extends infer K
  ? K extends keyof T
    ? object extends Pick<T, K>
      ? K
      : never
    : never
  : never

/** Keys every value of T carries. For a union: present and required in every member. */
export type RequiredKeys<T> = Exclude<keyof T, OptionalKeys<T>>

/**
 * Keys upstream requires that ours leaves optional or lacks: `never` is the goal. `Exempt` names
 * the documented exceptions (each with its reason where it is used).
 */
export type LooserThanUpstream<Upstream, Ours, Exempt extends PropertyKey = never> = Exclude<
  RequiredKeys<Upstream>,
  RequiredKeys<Ours> | Exempt
>

/** Compiles only for `never`; otherwise the error names the offending keys. */
export type None<T extends never> = T

/** The first parameter of a method (without `undefined`, for an optional `params?`). */
export type ParamsOf<T, K extends keyof T> = T[K] extends (...args: infer A) => unknown
  ? NonNullable<A[0]>
  : never
