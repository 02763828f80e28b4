import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkUsageEventIdentifier,
  usageEventIdentifierFields,
  usageEventIdentifierMessage,
} from '../usage-identifier.js'
import {
  bulkCreateUsageEventsSchema,
  clientCreateUsageEventSchema,
  createUsageEventSchema,
} from './usage-events.js'

const valid = {
  usageMeterSlug: 'ai_tokens',
  amount: 150,
  subscriptionId: 'sub_1',
  transactionId: 'tx_1',
}

function issues(result: {
  success: boolean
  error?: { issues: { path: PropertyKey[]; message: string }[] }
}) {
  expect(result.success).toBe(false)
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path, message: issue.message }))
}

describe('createUsageEventSchema', () => {
  it('accepts each identifier with the required fields', () => {
    for (const field of usageEventIdentifierFields) {
      const { usageMeterSlug: _drop, ...rest } = valid
      const result = createUsageEventSchema.safeParse({ ...rest, [field]: 'x' })
      expect(result.success, field).toBe(true)
    }
  })

  it('accepts optional properties and usageDate', () => {
    const result = createUsageEventSchema.safeParse({
      ...valid,
      properties: { a: 1 },
      usageDate: 1_700_000_000_000,
    })
    expect(result.success).toBe(true)
  })

  it('rejects a missing identifier with one message naming all four fields', () => {
    const { usageMeterSlug: _drop, ...rest } = valid
    expect(issues(createUsageEventSchema.safeParse(rest))).toEqual([
      { path: [], message: usageEventIdentifierMessage },
    ])
    for (const field of usageEventIdentifierFields)
      expect(usageEventIdentifierMessage).toContain(field)
  })

  it('rejects two identifiers', () => {
    expect(issues(createUsageEventSchema.safeParse({ ...valid, priceSlug: 'ai_tokens' }))).toEqual([
      { path: [], message: usageEventIdentifierMessage },
    ])
  })

  it.each([
    0,
    -1,
    1.5,
    Number.NaN,
    '3',
    Number.POSITIVE_INFINITY,
  ])('rejects amount %s', (amount) => {
    expect(issues(createUsageEventSchema.safeParse({ ...valid, amount }))).toEqual([
      { path: ['amount'], message: 'amount must be a positive integer' },
    ])
  })

  it.each([
    ['subscriptionId', 42, 'subscriptionId must be a string'],
    ['subscriptionId', '', 'subscriptionId must not be empty'],
    ['transactionId', null, 'transactionId must be a string'],
    ['usageMeterSlug', 7, 'usageMeterSlug must be a string'],
    ['properties', 'x', 'properties must be an object'],
    ['usageDate', '2024-01-01', 'usageDate must be epoch milliseconds'],
  ])('rejects %s = %j', (field, value, message) => {
    const result = issues(createUsageEventSchema.safeParse({ ...valid, [field]: value }))
    expect(result).toContainEqual({ path: [field], message })
  })

  it('requires amount, subscriptionId and transactionId', () => {
    const result = issues(createUsageEventSchema.safeParse({ usageMeterSlug: 'ai_tokens' }))
    expect(result.map((issue) => issue.path[0])).toEqual([
      'amount',
      'subscriptionId',
      'transactionId',
    ])
  })

  it.each([
    null,
    'ai_tokens',
    42,
    [],
  ])('rejects a non-object (%j) with a plain message', (input) => {
    for (const schema of [createUsageEventSchema, clientCreateUsageEventSchema]) {
      expect(issues(schema.safeParse(input))).toEqual([
        { path: [], message: 'a usage event must be an object' },
      ])
    }
  })

  it('rejects unknown keys (typos fail loudly)', () => {
    const result = issues(createUsageEventSchema.safeParse({ ...valid, usageMeterSLug: 'x' }))
    expect(result[0]?.message).toMatch(/usageMeterSLug/)
  })
})

describe('clientCreateUsageEventSchema', () => {
  it('makes amount, subscriptionId and transactionId optional', () => {
    expect(clientCreateUsageEventSchema.safeParse({ usageMeterSlug: 'ai_tokens' }).success).toBe(
      true,
    )
  })

  it('still validates amount when given', () => {
    expect(issues(clientCreateUsageEventSchema.safeParse({ priceSlug: 'p', amount: 0 }))).toEqual([
      { path: ['amount'], message: 'amount must be a positive integer' },
    ])
  })

  it('applies the identifier rule', () => {
    expect(issues(clientCreateUsageEventSchema.safeParse({}))).toEqual([
      { path: [], message: usageEventIdentifierMessage },
    ])
  })
})

describe('bulkCreateUsageEventsSchema', () => {
  it('accepts mixed identifier types', () => {
    const result = bulkCreateUsageEventsSchema.safeParse({
      usageEvents: [
        valid,
        { ...valid, usageMeterSlug: undefined, priceId: 'price_1', transactionId: 'tx_2' },
      ],
    })
    expect(result.success).toBe(true)
  })

  it('rejects an empty list', () => {
    expect(issues(bulkCreateUsageEventsSchema.safeParse({ usageEvents: [] }))).toEqual([
      { path: ['usageEvents'], message: 'usageEvents must contain at least one event' },
    ])
  })

  it.each([
    [{}, ['usageEvents'], 'usageEvents must be an array'],
    [{ usageEvents: valid }, ['usageEvents'], 'usageEvents must be an array'],
    [null, [], 'expected an object { usageEvents: [...] }'],
    [[valid], [], 'expected an object { usageEvents: [...] }'],
  ])('rejects %j', (input, path, message) => {
    expect(issues(bulkCreateUsageEventsSchema.safeParse(input))).toEqual([{ path, message }])
  })

  it('points at the failing index', () => {
    const result = issues(
      bulkCreateUsageEventsSchema.safeParse({ usageEvents: [valid, { ...valid, amount: -1 }] }),
    )
    expect(result).toEqual([
      { path: ['usageEvents', 1, 'amount'], message: 'amount must be a positive integer' },
    ])
  })
})

describe('identifier rule (property-based)', () => {
  const subset = fc.subarray([...usageEventIdentifierFields])
  const value = fc.string({ minLength: 1 })

  it('passes exactly when one identifier is present, for both schemas', () => {
    fc.assert(
      fc.property(subset, value, (fields, id) => {
        const input: Record<string, unknown> = {
          amount: 1,
          subscriptionId: 's',
          transactionId: 't',
        }
        for (const field of fields) input[field] = id
        const expected = fields.length === 1
        expect(createUsageEventSchema.safeParse(input).success).toBe(expected)
        expect(clientCreateUsageEventSchema.safeParse(input).success).toBe(expected)
      }),
      { numRuns: 500 },
    )
  })

  // Anything an app might put in an identifier field, including nothing at all.
  const identifierValue = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.constant(''),
    fc.string({ minLength: 1 }),
    fc.integer(),
    fc.boolean(),
  )
  const identifiers = fc.record(
    {
      priceId: identifierValue,
      priceSlug: identifierValue,
      usageMeterId: identifierValue,
      usageMeterSlug: identifierValue,
    },
    { requiredKeys: [] },
  )

  it('the zod-free browser rule agrees with the client schema on every input', () => {
    fc.assert(
      fc.property(identifiers, (input) => {
        const plain = checkUsageEventIdentifier(input)
        const result = clientCreateUsageEventSchema.safeParse(input)
        expect(plain === null).toBe(result.success)
        const set = usageEventIdentifierFields.filter((field) => input[field] !== undefined)
        if (set.length !== 1) expect(plain).toBe(usageEventIdentifierMessage)
      }),
      { numRuns: 1000 },
    )
  })
})
