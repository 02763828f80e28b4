import type { Context } from 'hono'
import { badRequest } from '../errors.js'
import { singleQuery } from './http.js'

interface Row {
  id: string
  createdAt: number
}

interface CursorBody {
  parameters: Record<string, string>
  createdAt: number
  id: string
  direction: 'forward'
}

const encode = (body: CursorBody): string => btoa(JSON.stringify(body))

function decode(cursor: string): CursorBody {
  try {
    const body = JSON.parse(atob(cursor)) as Partial<CursorBody>
    if (typeof body.createdAt === 'number' && typeof body.id === 'string') {
      return { parameters: {}, direction: 'forward', ...body } as CursorBody
    }
  } catch {
    // fall through
  }
  throw badRequest('Invalid cursor')
}

/** `{data, total, hasMore, currentCursor?, nextCursor?}`, ordered by createdAt then id. */
export function paginate<T extends Row>(c: Context, rows: Iterable<T>) {
  const rawLimit = singleQuery(c, 'limit')
  const cursor = singleQuery(c, 'cursor')
  const limit = rawLimit === undefined ? 10 : Number(rawLimit)
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw badRequest('Limit must be between 1 and 100')
  }
  const sorted = [...rows].sort((a, b) =>
    a.createdAt !== b.createdAt
      ? a.createdAt - b.createdAt
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0,
  )
  let start = 0
  if (cursor !== undefined) {
    const after = decode(cursor)
    start = sorted.findIndex(
      (row) =>
        row.createdAt > after.createdAt || (row.createdAt === after.createdAt && row.id > after.id),
    )
    if (start === -1) start = sorted.length
  }
  const data = sorted.slice(start, start + limit)
  const hasMore = start + limit < sorted.length
  const last = data[data.length - 1]
  return {
    data,
    total: sorted.length,
    hasMore,
    ...(cursor !== undefined ? { currentCursor: cursor } : {}),
    ...(hasMore && last
      ? {
          nextCursor: encode({
            parameters: { limit: String(limit) },
            createdAt: last.createdAt,
            id: last.id,
            direction: 'forward',
          }),
        }
      : {}),
  }
}
