import { describe, expect, it } from 'vitest'
import { findOperation, queryErrors, requestBodyErrors } from './openapi.js'

describe('OpenAPI request-body validator (test helper)', () => {
  it('prefers literal segments over parameters', () => {
    expect(findOperation('GET', '/api/v1/pricing-models/default').template).toBe(
      '/api/v1/pricing-models/default',
    )
    expect(findOperation('GET', '/api/v1/pricing-models/pm_1').template).toBe(
      '/api/v1/pricing-models/{id}',
    )
  })

  it('rejects a body that breaks the schema, including through $refs', () => {
    expect(
      requestBodyErrors('POST', '/api/v1/usage-events', { usageEvent: { amount: 1.5 } }),
    ).not.toEqual([])
    expect(requestBodyErrors('POST', '/api/v1/customers', { customer: { name: 'x' } })).not.toEqual(
      [],
    )
    expect(
      requestBodyErrors('POST', '/api/v1/customers', {
        customer: { externalId: 'u1', name: 'A', email: 'a@example.com' },
      }),
    ).toEqual([])
  })

  it('an operation without a body accepts only {}', () => {
    expect(requestBodyErrors('POST', '/api/v1/subscriptions/s/uncancel', {})).toEqual([])
    expect(requestBodyErrors('POST', '/api/v1/subscriptions/s/uncancel', { a: 1 })).not.toEqual([])
  })

  it('accepts declared query parameters only', () => {
    expect(queryErrors('GET', '/api/v1/customers', { limit: '5', cursor: 'c' })).toEqual([])
    expect(
      queryErrors('GET', '/api/v1/customers/u1/usage-balances', { subscriptionId: 's' }),
    ).toEqual([])
    expect(queryErrors('GET', '/api/v1/customers', { page: '2' })).toEqual([
      'GET /api/v1/customers declares no query parameter "page"',
    ])
    expect(queryErrors('GET', '/api/v1/customers/u1', { subscriptionId: 's' })).not.toEqual([])
  })
})
