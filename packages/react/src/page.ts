import type { ListPageParams } from '@flowglad/shared/browser'

/** The list routes' paging rule, for dev mode's answers from `billingMocks`. */
export function pageOf<T>(items: T[], idOf: (item: T) => string, params?: ListPageParams): T[] {
  const after = params?.startingAfter
  const index = after === undefined ? -1 : items.findIndex((item) => idOf(item) === after)
  const rest = items.slice(index + 1)
  return params?.limit === undefined ? rest : rest.slice(0, params.limit)
}
