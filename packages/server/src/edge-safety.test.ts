import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { nodeImportsOf, zodFilesOf } from '../test/edge-imports.js'

const here = dirname(fileURLToPath(import.meta.url))

describe('edge safety', () => {
  it('src/index.ts (client, FlowgladServer, admin, batcher, handler) and its dependencies import no Node builtin', async () => {
    expect(await nodeImportsOf(resolve(here, 'index.ts'))).toEqual([])
  }, 30_000)

  it('cold start: nothing reachable from src/index.ts loads zod (validation is compiled)', async () => {
    expect(await zodFilesOf(resolve(here, 'index.ts'))).toEqual([])
  }, 30_000)

  it('the zod check can fail: a module importing the shared schemas reaches zod', async () => {
    const dir = mkdtempSync(join(here, '..', 'test', '.zod-check-'))
    const entry = join(dir, 'entry.ts')
    writeFileSync(entry, "export { cancelSubscriptionSchema } from '@flowglad/shared'\n")
    try {
      expect((await zodFilesOf(entry)).length).toBeGreaterThan(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 30_000)

  it('the check itself catches a node: import and a bare builtin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edge-check-'))
    const entry = join(dir, 'entry.ts')
    writeFileSync(
      entry,
      "import { readFileSync } from 'node:fs'\nimport { createHash } from 'crypto'\nexport const x = [readFileSync, createHash]\n",
    )
    const found = await nodeImportsOf(entry)
    expect(found.some((line) => line.endsWith('→ node:fs'))).toBe(true)
    expect(found.some((line) => line.endsWith('→ crypto'))).toBe(true)
  }, 30_000)

  it('the check looks inside npm dependencies too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edge-check-'))
    const dependency = join(dir, 'node_modules', 'needs-node')
    mkdirSync(dependency, { recursive: true })
    writeFileSync(join(dependency, 'package.json'), '{"name":"needs-node","main":"index.js"}')
    writeFileSync(
      join(dependency, 'index.js'),
      "import { randomBytes } from 'node:crypto'\nexport const id = () => randomBytes(8)\n",
    )
    const entry = join(dir, 'entry.ts')
    writeFileSync(entry, "export { id } from 'needs-node'\n")
    const found = await nodeImportsOf(entry)
    expect(found).toEqual([expect.stringMatching(/needs-node\/index\.js → node:crypto$/)])
  }, 30_000)
})
