import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { describeSchema } from './describe-schema.js'

describe('describeSchema: the compact form it writes, and what it refuses', () => {
  it('leaves out optionality markers and check messages that repeat the node', () => {
    const schema = z
      .number({ error: 'n must be a positive integer' })
      .int({ error: 'n must be a positive integer' })
      .positive({ error: 'n must be a positive integer' })
      .optional()
    expect(describeSchema(schema, 'n')).toEqual({
      t: 'optional',
      inner: {
        t: 'number',
        e: 'n must be a positive integer',
        c: [{ k: 'int' }, { k: 'greater_than', n: 0 }],
      },
    })
    expect(describeSchema(z.string().default('a'), 'd')).toEqual({
      t: 'default',
      inner: { t: 'string' },
      value: 'a',
    })
  })

  it('keeps a check message that differs from its node', () => {
    const schema = z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' })
    expect(describeSchema(schema, 's')).toEqual({
      t: 'string',
      e: 'must be a string',
      c: [{ k: 'min_length', n: 1, e: 'must not be empty' }],
    })
  })

  it('refuses an upper number bound and a string format it has no message for', () => {
    expect(() => describeSchema(z.number().max(3), 'max')).toThrow(/max#check0: check less_than/)
    expect(() => describeSchema(z.uuid(), 'id')).toThrow(/string format uuid/)
  })
})
