// @vitest-environment happy-dom
import { cleanup, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { billingFixture } from '../test/billing-fixture.js'
import { envelope } from '../test/route-fetch.js'
import { createBillingClient } from './billing-client.js'
import { FlowgladProvider } from './provider.js'
import { useBilling } from './use-billing.js'

afterEach(cleanup)

/** Answers billing and usage events wherever they are mounted; records the URLs asked for. */
function recordingFetch() {
  const urls: string[] = []
  const fetch = async (input: string) => {
    urls.push(input)
    return input.endsWith('/customers/billing')
      ? envelope(billingFixture())
      : envelope({ usageEvent: { id: 'usage_1' } })
  }
  return { urls, fetch }
}

describe('betterAuthBasePath: the routes the Better Auth plugin serves', () => {
  it('FlowgladProvider sends billing and actions to <betterAuthBasePath>/flowglad/<action>', async () => {
    const route = recordingFetch()
    const wrapper = ({ children }: { children: ReactNode }) => (
      <FlowgladProvider betterAuthBasePath="/api/auth" requestConfig={{ fetch: route.fetch }}>
        {children}
      </FlowgladProvider>
    )
    const { result } = renderHook(() => useBilling(), { wrapper })
    await waitFor(() => expect(result.current.loaded).toBe(true))
    await result.current.createUsageEvent?.({ usageMeterSlug: 'ai_tokens', amount: 1 })
    expect(route.urls).toEqual([
      '/api/auth/flowglad/customers/billing',
      '/api/auth/flowglad/usage-events/create',
    ])
  })

  it('wins over baseURL (as upstream), keeps an absolute base, and is checked like baseURL', async () => {
    const route = recordingFetch()
    const options = { baseURL: 'https://ignored.example', fetch: route.fetch }
    await createBillingClient({
      ...options,
      betterAuthBasePath: 'https://auth.example/api/auth/',
    }).call('usage-events/create', {})
    expect(route.urls).toEqual(['https://auth.example/api/auth/flowglad/usage-events/create'])
    expect(() => createBillingClient({ betterAuthBasePath: 'api/auth' })).toThrow(
      /^betterAuthBasePath must be an absolute URL/,
    )
  })
})
