import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

// These read the built package: run `pnpm --filter @flowglad/react build` first.
const packageDir = new URL('../', import.meta.url)
const dist = (file: string) => new URL(`dist/${file}`, packageDir)
const budgetBytes = 4000
const everyHookBudgetBytes = 6000

type SizeCheck = { name: string; passed: boolean; size: number }

async function measure(): Promise<SizeCheck[]> {
  const bin = new URL('node_modules/size-limit/bin.js', packageDir).pathname
  const { stdout } = await promisify(execFile)(process.execPath, [bin, '--json'], {
    cwd: packageDir.pathname,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '[]' }))
  return JSON.parse(stdout) as SizeCheck[]
}

describe('the built package', () => {
  it('is built', () => {
    expect(existsSync(dist('index.js')), 'run pnpm --filter @flowglad/react build').toBe(true)
  })

  it("keeps 'use client' at the head of the provider, context and hook files (ESM and CJS)", () => {
    const hooks = ['use-billing', 'use-action-query', 'use-pricing-model', 'use-usage-meters']
    const readHooks = ['use-subscriptions', 'use-subscription', 'use-features']
    const more = ['use-payment-methods', 'use-customer-details', 'use-invoices', 'use-purchases']
    for (const file of ['provider', 'context', ...hooks, ...readHooks, ...more]) {
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
    const [check, everyHook] = await measure()
    expect(check?.size).toBeGreaterThan(500)
    expect(check?.size).toBeLessThanOrEqual(budgetBytes)
    expect(check?.passed).toBe(true)
    // The hooks live in their own modules: importing them all costs more, so they tree-shake.
    expect(everyHook?.size).toBeGreaterThan((check?.size ?? 0) + 1000)
  }, 60_000)

  it(`with every hook imported it stays within ${everyHookBudgetBytes} B (the size report's second row)`, async () => {
    const config = JSON.parse(readFileSync(new URL('.size-limit.json', packageDir), 'utf8'))
    for (const hook of ['usePricingModel', 'useUsageMeters', 'useSubscriptions', 'usePurchases']) {
      expect(config[1].import).toContain(hook)
    }
    const [, everyHook] = await measure()
    console.info(`size report: ${everyHook?.name}: ${everyHook?.size} B`)
    expect(everyHook?.size).toBeLessThanOrEqual(everyHookBudgetBytes)
    expect(everyHook?.passed).toBe(true)
  }, 60_000)
})
