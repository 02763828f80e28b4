import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cli, launch, runToExit } from '../../test/cli.js'
import { operationFor, validateResponse } from '../../test/openapi.js'
import {
  PRICING_FIXTURES,
  pricingFixtureNames,
  pricingFixturePath,
  readPricingFixture,
} from '../../test/pricing-fixtures.js'

const KEY = 'sk_test_pricing_cli'
const bad = (name: string) => `${PRICING_FIXTURES}-bad/${name}`

/** GET over HTTP; a 2xx body is checked against the OpenAPI response schema. */
async function getChecked(url: string, path: string) {
  const res = await fetch(`${url}/api/v1${path}`, { headers: { authorization: KEY } })
  const body = await res.json()
  expect(res.status, JSON.stringify(body)).toBe(200)
  const operationId = operationFor('GET', `/api/v1${path}`)
  if (!operationId) throw new Error(`no operation for ${path}`)
  validateResponse(operationId, body)
  return body
}

// Each test spawns the built CLI: a generous timeout for a busy machine.
describe('flowglad-emulator --pricing (built CLI)', { timeout: 30_000 }, () => {
  it('is built', () => {
    expect(existsSync(cli), `${cli} is missing: build the emulator first`).toBe(true)
  })

  for (const name of pricingFixtureNames()) {
    it(`serves ${name} as the default pricing model`, async () => {
      const run = launch([
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--pricing',
        pricingFixturePath(name),
      ])
      try {
        const url = await run.url
        const { pricingModel } = await getChecked(url, '/pricing-models/default')
        const file = readPricingFixture(name)
        expect(pricingModel).toMatchObject({ name: file.name, isDefault: true })
        const listed = new Set(pricingModel.products.map((p: { slug: string }) => p.slug))
        for (const { product, price } of file.products) {
          // Only active products with an active price are listed (like the hosted API).
          expect(listed.has(product.slug)).toBe(product.active !== false && price.active !== false)
        }
        const exported = await getChecked(url, `/pricing-models/${pricingModel.id}/export`)
        expect(exported.pricingModel.usageMeters).toHaveLength(file.usageMeters?.length ?? 0)
      } finally {
        expect(await run.stop('SIGTERM')).toBe(0)
      }
    })
  }

  it('a YAML syntax error exits 1 with file:line:col and the parser message', async () => {
    const path = bad('syntax.yaml')
    const { code, stderr } = await runToExit(['--port', '0', '--pricing', path])
    expect(code).toBe(1)
    expect(stderr).toContain(`${path}:5:5: `)
    expect(stderr).toMatch(/Flow map/)
  })

  it('a schema error exits 1 listing every offending path in one message', async () => {
    const path = bad('schema.yaml')
    const { code, stderr } = await runToExit(['--port', '0', '--pricing', path])
    expect(code).toBe(1)
    expect(stderr).toContain(`Invalid --pricing ${path}: 6 problems`)
    for (const at of [
      '  name: ',
      '  products[0].product.slug: ',
      '  products[0].price.unitPrice: ',
      '  products[0].price.intervalUnit: ',
      '  products[1].price.type: ',
      '  usageMeters[0].usageMeter.slug: ',
    ])
      expect(stderr).toContain(at)
  })

  it('names the unknown feature and usage meter slugs a file refers to', async () => {
    const { code, stderr } = await runToExit([
      '--port',
      '0',
      '--pricing',
      bad('unknown-slugs.yaml'),
    ])
    expect(code).toBe(1)
    expect(stderr).toContain('features[0].usageMeterSlug: unknown usage meter tokens')
    expect(stderr).toContain('products[0].features[0]: unknown feature priority_support')
    expect(stderr).toContain('products[1].price.usageMeterSlug: unknown usage meter api_calls')
  })

  it('--seed given a YAML file points at --pricing', async () => {
    const { code, stderr } = await runToExit([
      '--port',
      '0',
      '--seed',
      pricingFixturePath('acme-ai.yaml'),
    ])
    expect(code).toBe(1)
    expect(stderr).toMatch(
      /Invalid --seed .*acme-ai\.yaml: .*\(for a pricing\.yaml, use --pricing\)/,
    )
  })

  it('refuses a missing file, and --seed together with --pricing', async () => {
    const missing = await runToExit(['--port', '0', '--pricing', bad('nope.yaml')])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/Invalid --pricing .*nope\.yaml: ENOENT/)
    const both = await runToExit([
      '--port',
      '0',
      '--pricing',
      pricingFixturePath('acme-ai.yaml'),
      '--seed',
      pricingFixturePath('storage-flat.json'),
    ])
    expect(both).toEqual({
      code: 1,
      stderr: 'flowglad-emulator: Pass either --seed or --pricing, not both\n',
    })
  })
})
