import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeImportsOf } from '../../test/edge-imports.js'
import { supabaseActionPath } from './function-path.js'

describe('supabaseActionPath', () => {
  it('drops the /functions/v1/<fn> prefix', () => {
    expect(supabaseActionPath('/functions/v1/flowglad/customers/billing')).toBe('customers/billing')
    expect(supabaseActionPath('/functions/v1/flowglad/')).toBe('')
  })

  it("drops the function's own name when the runtime hands over /<fn>/<action>", () => {
    expect(supabaseActionPath('/flowglad/usage-events/create')).toBe('usage-events/create')
    expect(supabaseActionPath('/flowglad/customerDetails')).toBe('customerDetails')
  })

  it("drops the api/flowglad/ that FlowgladProvider appends to a function's URL as baseURL", () => {
    expect(supabaseActionPath('/functions/v1/flowglad/api/flowglad/customers/billing')).toBe(
      'customers/billing',
    )
    expect(supabaseActionPath('/flowglad/api/flowglad/customers/billing')).toBe('customers/billing')
  })

  it('keeps a whole pathname that is an action, and an unknown one as it is (a 404 later)', () => {
    expect(supabaseActionPath('/customers/billing')).toBe('customers/billing')
    expect(supabaseActionPath('/flowglad/no/such/action')).toBe('flowglad/no/such/action')
  })

  it('strips a given basePath; a pathname outside it is used whole', () => {
    const basePath = '/functions/v1/api-flowglad/'
    expect(supabaseActionPath('/functions/v1/api-flowglad/customers/billing', basePath)).toBe(
      'customers/billing',
    )
    expect(supabaseActionPath('/other/customers/billing', basePath)).toBe('other/customers/billing')
    // A prefix of a longer segment is not the base path.
    expect(supabaseActionPath('/functions/v1/api-flowglad2/x', basePath)).toBe(
      'functions/v1/api-flowglad2/x',
    )
  })

  it('nothing reachable from @flowglad/server/supabase imports a Node builtin', async () => {
    expect(await nodeImportsOf(resolve(import.meta.dirname, 'index.ts'))).toEqual([])
  }, 30_000)
})
