import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

// These read the built package: run `pnpm --filter @flowglad/react build` first.
const packageDir = new URL('../', import.meta.url)
const dist = (file: string) => new URL(`dist/${file}`, packageDir)
const budgetBytes = 4000

describe('the built package', () => {
  it('is built', () => {
    expect(existsSync(dist('index.js')), 'run pnpm --filter @flowglad/react build').toBe(true)
  })

  it("keeps 'use client' at the head of the provider, context and hook files (ESM and CJS)", () => {
    for (const file of ['provider', 'context', 'use-billing']) {
      const esm = readFileSync(dist(`${file}.js`), 'utf8')
      expect(esm.startsWith('"use client";'), `${file}.js`).toBe(true)
      const cjs = readFileSync(dist(`${file}.cjs`), 'utf8')
      expect(cjs.startsWith('"use strict";\n"use client";'), `${file}.cjs`).toBe(true)
    }
  })

  it(`FlowgladProvider + useBilling stay within ${budgetBytes} B min+gzip (size-limit, react external)`, async () => {
    const config = JSON.parse(readFileSync(new URL('.size-limit.json', packageDir), 'utf8'))
    expect(config[0]).toMatchObject({
      limit: '4 KB',
      gzip: true,
      import: '{ FlowgladProvider, useBilling }',
    })
    const bin = new URL('node_modules/size-limit/bin.js', packageDir).pathname
    const { stdout } = await promisify(execFile)(process.execPath, [bin, '--json'], {
      cwd: packageDir.pathname,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '[]' }))
    const [check] = JSON.parse(stdout) as Array<{ passed: boolean; size: number }>
    expect(check?.size).toBeGreaterThan(500)
    expect(check?.size).toBeLessThanOrEqual(budgetBytes)
    expect(check?.passed).toBe(true)
  }, 60_000)
})
