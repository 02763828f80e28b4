import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { filesReachedFrom } from '../../test/edge-imports.js'

const here = dirname(fileURLToPath(import.meta.url))

describe('@flowglad/server/postgres stays out of the main entry', () => {
  it('src/index.ts reaches no outbox file and no pg', async () => {
    const reached = await filesReachedFrom(resolve(here, '../index.ts'))
    expect(reached.filter((path) => path.includes('src/postgres/') || path === 'pg')).toEqual([])
  }, 30_000)

  it('the check sees the outbox when it is imported (so the test above can fail)', async () => {
    const reached = await filesReachedFrom(resolve(here, 'index.ts'))
    expect(reached.some((path) => path.includes('src/postgres/relay.ts'))).toBe(true)
  }, 30_000)
})
