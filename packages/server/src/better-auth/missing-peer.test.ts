import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { importBetterAuthApi, missingBetterAuthMessage, requireBetterAuthApi } from './peer.js'

const here = dirname(fileURLToPath(import.meta.url))

function notFound(code: string, specifier: string, importer = '/app/server.js') {
  return Object.assign(new Error(`Cannot find package '${specifier}' imported from ${importer}`), {
    code,
  })
}

/**
 * Runs a file with plain Node in a directory where no `better-auth` can be resolved (without
 * the NODE_PATH the pnpm shims set, which points into the workspace's packages).
 */
function runWithoutBetterAuth(file: string): string {
  const { NODE_PATH: _workspace, ...env } = process.env
  try {
    execFileSync(process.execPath, [file], {
      cwd: dirname(file),
      env,
      encoding: 'utf8',
      stdio: 'pipe',
    })
    return ''
  } catch (error) {
    return String((error as { stderr?: string }).stderr)
  }
}

describe('better-auth is an optional peer', () => {
  it('a missing install is one error that names the package to install (ESM and CommonJS)', async () => {
    // Both entries bundled from source into a directory outside the repository, with
    // everything but better-auth inlined, then imported / required there by plain Node.
    const dir = mkdtempSync(join(tmpdir(), 'no-better-auth-'))
    const bundle = (entry: string, outfile: string, format: 'esm' | 'cjs') =>
      build({
        entryPoints: [join(here, entry)],
        outfile: join(dir, outfile),
        bundle: true,
        format,
        platform: 'node',
        external: ['better-auth', 'better-auth/*'],
        logLevel: 'silent',
      })
    await bundle('entry.mts', 'esm.mjs', 'esm')
    await bundle('index.ts', 'cjs.cjs', 'cjs')
    for (const file of ['esm.mjs', 'cjs.cjs']) {
      const stderr = runWithoutBetterAuth(join(dir, file))
      expect(stderr).toContain(missingBetterAuthMessage)
    }
  }, 30_000)

  it('the loaders explain only a missing better-auth; any other failure is left as it was', async () => {
    const missing = notFound('ERR_MODULE_NOT_FOUND', 'better-auth/api')
    await expect(importBetterAuthApi(() => Promise.reject(missing))).rejects.toMatchObject({
      message: missingBetterAuthMessage,
      cause: missing,
    })
    expect(() =>
      requireBetterAuthApi(() => {
        throw notFound('MODULE_NOT_FOUND', 'better-auth/api')
      }),
    ).toThrow(missingBetterAuthMessage)
    // A dependency of better-auth that is missing is not "install better-auth".
    const other = notFound('ERR_MODULE_NOT_FOUND', 'kysely', '/app/node_modules/better-auth/x.mjs')
    await expect(importBetterAuthApi(() => Promise.reject(other))).rejects.toBe(other)
    const tooOld = Object.assign(new Error('require() of ES Module'), { code: 'ERR_REQUIRE_ESM' })
    expect(() =>
      requireBetterAuthApi(() => {
        throw tooOld
      }),
    ).toThrow(tooOld)
  })
})
