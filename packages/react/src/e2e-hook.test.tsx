// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { createE2EHarness } from '../test/e2e-harness.js'
import { FlowgladProvider } from './provider.js'
import { useBilling } from './use-billing.js'

afterEach(cleanup)

describe('FlowgladProvider + useBilling against the route handler core + emulator', () => {
  it('loads, records usage, and shows the new balance after reload()', async () => {
    const harness = createE2EHarness()
    const wrapper = ({ children }: { children: ReactNode }) => (
      <FlowgladProvider requestConfig={{ fetch: harness.fetch }}>{children}</FlowgladProvider>
    )
    const { result } = renderHook(() => useBilling(), { wrapper })
    await waitFor(() => expect(result.current.loaded).toBe(true))
    expect(result.current.errors).toBeNull()
    expect(result.current.customer?.externalId).toBe('user_a')
    expect(result.current.checkUsageBalance('ai_tokens')).toEqual({ availableBalance: 10_000 })
    expect(result.current.checkFeatureAccess('advanced_models')).toBe(false)

    const recorded = await result.current.createUsageEvent({
      usageMeterSlug: 'ai_tokens',
      amount: 150,
    })
    expect(recorded).toEqual({ usageEvent: { id: harness.storedEvents()[0]?.id } })
    expect(result.current.checkUsageBalance('ai_tokens')).toEqual({ availableBalance: 10_000 })

    await act(() => result.current.reload())
    expect(result.current.checkUsageBalance('ai_tokens')).toEqual({ availableBalance: 9_850 })
  })

  it('a signed-out visitor gets the error state with the handler’s unauthenticated code', async () => {
    const harness = createE2EHarness({ customerExternalId: null })
    const wrapper = ({ children }: { children: ReactNode }) => (
      <FlowgladProvider requestConfig={{ fetch: harness.fetch }}>{children}</FlowgladProvider>
    )
    const { result } = renderHook(() => useBilling(), { wrapper })
    await waitFor(() => expect(result.current.errors).not.toBeNull())
    expect(result.current).toMatchObject({ loaded: true, customer: null, subscriptions: [] })
    expect(result.current.errors?.[0]).toMatchObject({ code: 'unauthenticated' })
    const recorded = await result.current.createUsageEvent({ usageMeterSlug: 'ai_tokens' })
    expect(recorded).toMatchObject({ error: { code: 'unauthenticated' } })
    expect(harness.storedEvents()).toHaveLength(0)
  })
})
