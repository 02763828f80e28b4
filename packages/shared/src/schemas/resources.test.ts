import { describe, expect, it } from 'vitest'
import { flowgladActions } from '../action-table.js'
import {
  claimResourceSchema,
  getResourcesSchema,
  getResourceUsageSchema,
  listResourceClaimsSchema,
  releaseResourceSchema,
} from './resources.js'

const messageOf = (result: { error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message

describe('resource schemas', () => {
  it('back the five resources/* actions', () => {
    expect(flowgladActions['resources/usages'].inputSchema).toBe(getResourcesSchema)
    expect(flowgladActions['resources/usages/retrieve'].inputSchema).toBe(getResourceUsageSchema)
    expect(flowgladActions['resources/claim'].inputSchema).toBe(claimResourceSchema)
    expect(flowgladActions['resources/release'].inputSchema).toBe(releaseResourceSchema)
    expect(flowgladActions['resources/claims'].inputSchema).toBe(listResourceClaimsSchema)
  })

  it('are strict: an unknown key is refused', () => {
    expect(getResourcesSchema.safeParse({ subscriptionIds: ['sub_1'] }).success).toBe(false)
    expect(listResourceClaimsSchema.safeParse({ slug: 'seats' }).success).toBe(false)
    expect(
      claimResourceSchema.safeParse({ resourceSlug: 'seats', quantity: 1, count: 2 }).success,
    ).toBe(false)
    expect(
      releaseResourceSchema.safeParse({ resourceSlug: 'seats', quantity: 1, metadata: {} }).success,
    ).toBe(false)
  })

  it('claim: each of the three forms alone passes', () => {
    for (const form of [{ quantity: 3 }, { externalId: 'user_2' }, { externalIds: ['a', 'b'] }]) {
      const input = { resourceSlug: 'seats', subscriptionId: 'sub_1', ...form }
      expect(claimResourceSchema.parse(input)).toEqual(input)
    }
  })

  it('claim: none or two forms fail with one message', () => {
    const message = 'Exactly one of quantity, externalId or externalIds must be provided'
    for (const forms of [
      {},
      { quantity: 1, externalId: 'a' },
      { externalId: 'a', externalIds: ['b'] },
    ]) {
      const result = claimResourceSchema.safeParse({ resourceSlug: 'seats', ...forms })
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([message])
    }
  })

  it('claim: field rules (slug, quantity, id lengths, empty lists)', () => {
    const claim = (input: object) =>
      claimResourceSchema.safeParse({ resourceSlug: 'seats', ...input })
    expect(messageOf(claimResourceSchema.safeParse({ quantity: 1 }))).toBe(
      'resourceSlug must be a string',
    )
    for (const quantity of [0, -1, 1.5, '2', Number.NaN]) {
      expect(messageOf(claim({ quantity }))).toBe('quantity must be a positive integer')
    }
    expect(claim({ externalId: 'x'.repeat(255) }).success).toBe(true)
    expect(messageOf(claim({ externalId: 'x'.repeat(256) }))).toBe(
      'externalId must be at most 255 characters',
    )
    expect(messageOf(claim({ externalId: '' }))).toBe('externalId must not be empty')
    expect(messageOf(claim({ externalIds: [] }))).toBe('externalIds must contain at least one id')
    expect(claim({ externalIds: ['ok', 'x'.repeat(256)] }).error?.issues[0]?.path).toEqual([
      'externalIds',
      1,
    ])
    expect(messageOf(claim({ externalIds: 'a' }))).toBe('externalIds must be an array of strings')
  })

  it('claim: metadata values are strings up to 500 characters, numbers or booleans', () => {
    const claim = (metadata: unknown) =>
      claimResourceSchema.safeParse({ resourceSlug: 'seats', quantity: 1, metadata })
    expect(claim({ role: 'admin', level: 2, active: true, note: 'x'.repeat(500) }).success).toBe(
      true,
    )
    const valueError =
      'metadata values must be numbers, booleans or strings of at most 500 characters'
    for (const bad of [
      { note: 'x'.repeat(501) },
      { nested: { a: 1 } },
      { list: [1] },
      { n: null },
    ]) {
      expect(messageOf(claim(bad))).toBe(valueError)
    }
    expect(messageOf(claim('role=admin'))).toBe('metadata must be an object')
  })

  it('release: each of the four forms alone passes; none or two fail', () => {
    const forms = [
      { quantity: 1 },
      { externalId: 'a' },
      { externalIds: ['a'] },
      { claimIds: ['c'] },
    ]
    for (const form of forms) {
      expect(releaseResourceSchema.safeParse({ resourceSlug: 'seats', ...form }).success).toBe(true)
    }
    const message = 'Exactly one of quantity, externalId, externalIds or claimIds must be provided'
    for (const input of [
      {},
      { quantity: 1, claimIds: ['c'] },
      { externalIds: ['a'], claimIds: ['c'] },
    ]) {
      const result = releaseResourceSchema.safeParse({ resourceSlug: 'seats', ...input })
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([message])
    }
    expect(
      messageOf(releaseResourceSchema.safeParse({ resourceSlug: 'seats', claimIds: [''] })),
    ).toBe('claimIds item must not be empty')
  })

  it('usage: exactly one of resourceSlug or resourceId', () => {
    expect(getResourceUsageSchema.safeParse({ resourceSlug: 'seats' }).success).toBe(true)
    expect(
      getResourceUsageSchema.safeParse({ resourceId: 'res_1', subscriptionId: 's' }).success,
    ).toBe(true)
    for (const input of [{}, { resourceSlug: 'seats', resourceId: 'res_1' }]) {
      expect(messageOf(getResourceUsageSchema.safeParse(input))).toBe(
        'Exactly one of resourceSlug or resourceId must be provided',
      )
    }
  })

  it('subscriptionId, when given, is a non-empty string everywhere', () => {
    const inputs: [typeof getResourcesSchema | typeof claimResourceSchema, object][] = [
      [getResourcesSchema, {}],
      [listResourceClaimsSchema, {}],
      [claimResourceSchema, { resourceSlug: 'seats', quantity: 1 }],
      [releaseResourceSchema, { resourceSlug: 'seats', quantity: 1 }],
    ]
    for (const [schema, input] of inputs) {
      expect(schema.safeParse(input).success).toBe(true)
      expect(messageOf(schema.safeParse({ ...input, subscriptionId: '' }))).toBe(
        'subscriptionId must not be empty',
      )
      expect(messageOf(schema.safeParse({ ...input, subscriptionId: 7 }))).toBe(
        'subscriptionId must be a string',
      )
    }
  })
})
