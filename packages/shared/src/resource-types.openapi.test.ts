import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Resource, ResourceClaim, ResourceUsage } from './resource-types.js'

// The resource types are written by hand from the OpenAPI document: each key map is checked by
// the compiler against the type (every key, and whether it is optional), then against the
// document at run time.

type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T]
type KeyMap<T> = { [K in keyof T]-?: K extends OptionalKeys<T> ? 'optional' : 'required' }

interface JsonSchema {
  $ref?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
}

const document = JSON.parse(
  readFileSync(new URL('../../../spec/flowglad-openapi.json', import.meta.url), 'utf8'),
) as {
  components: { schemas: Record<string, JsonSchema> }
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>
}

const component = (name: string) => document.components.schemas[name] as JsonSchema

/** The 200 answer of `GET|POST /api/v1/resource-claims/{subscriptionId}/<op>`. */
function answerOf(op: string, method: 'get' | 'post'): JsonSchema {
  const response = document.paths[`/api/v1/resource-claims/{subscriptionId}/${op}`]?.[method]
    ?.responses['200'] as { content: { 'application/json': { schema: JsonSchema } } }
  const schema = response.content['application/json'].schema
  return schema.$ref ? component(schema.$ref.split('/').pop() as string) : schema
}

const stamps = { createdAt: 'required', updatedAt: 'required', livemode: 'required' } as const

const resource: KeyMap<Resource> = {
  ...stamps,
  id: 'required',
  organizationId: 'required',
  pricingModelId: 'required',
  slug: 'required',
  name: 'required',
  active: 'required',
}

const usage: KeyMap<ResourceUsage> = {
  resourceSlug: 'required',
  resourceId: 'required',
  capacity: 'required',
  claimed: 'required',
  available: 'required',
}

const claim: KeyMap<ResourceClaim> = {
  ...stamps,
  id: 'required',
  organizationId: 'required',
  resourceId: 'required',
  subscriptionId: 'required',
  pricingModelId: 'required',
  externalId: 'required',
  claimedAt: 'required',
  releasedAt: 'optional',
  releaseReason: 'required',
  expiredAt: 'optional',
  metadata: 'optional',
}

function shapes(map: Record<string, string>, schema: JsonSchema) {
  const keys = Object.keys(map).sort()
  return {
    ours: { keys, required: keys.filter((key) => map[key] === 'required') },
    wire: {
      keys: Object.keys(schema.properties ?? {}).sort(),
      required: [...(schema.required ?? [])].sort(),
    },
  }
}

describe('resource types match the OpenAPI document', () => {
  it.each([
    ['Resource', resource, component('ResourceClientSelectSchema')],
    ['ResourceClaim', claim, component('ResourceClaimClientSelectSchema')],
    ['ResourceUsage', usage, answerOf('claim', 'post').properties?.usage as JsonSchema],
    ['ResourceUsage (release)', usage, answerOf('release', 'post').properties?.usage as JsonSchema],
  ])('%s has the same keys, required where the API always sends them', (_name, map, schema) => {
    const { ours, wire } = shapes(map, schema)
    expect(wire.keys.length).toBeGreaterThan(0)
    expect(ours).toEqual(wire)
  })

  it('the answers have the keys the response types name', () => {
    const keysOf = (schema: JsonSchema) => Object.keys(schema.properties ?? {}).sort()
    expect(keysOf(answerOf('claim', 'post'))).toEqual(['claims', 'usage'])
    expect(keysOf(answerOf('release', 'post'))).toEqual(['releasedClaims', 'usage'])
    expect(keysOf(answerOf('usage', 'get'))).toEqual(['claims', 'usage'])
    expect(keysOf(answerOf('claims', 'get'))).toEqual(['claims'])
  })
})
