// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { billingFixture } from '../test/billing-fixture.js'
import { envelope, routeFetch } from '../test/route-fetch.js'
import { FlowgladProvider } from './provider.js'
import { useBilling } from './use-billing.js'

afterEach(cleanup)

function billingRoute() {
  return routeFetch({ 'customers/billing': () => envelope(billingFixture()) })
}

function Customer({ label = 'customer' }: { label?: string }) {
  const billing = useBilling()
  const shown = billing.loaded ? (billing.customer?.id ?? 'none') : 'pending'
  return <p data-testid={label}>{shown}</p>
}

/** Lets effects, microtasks and the (instant) fake route settle. */
const settle = () => act(async () => {})

function app(
  route: ReturnType<typeof billingRoute>,
  loadBilling: boolean | undefined,
  children: ReactNode,
) {
  return (
    <FlowgladProvider
      requestConfig={{ fetch: route.fetch }}
      {...(loadBilling === undefined ? {} : { loadBilling })}
    >
      {children}
    </FlowgladProvider>
  )
}

describe('without a loadBilling prop (0.17+): lazy on the first useBilling mount', () => {
  it('makes no request while no component uses billing', async () => {
    const route = billingRoute()
    render(app(route, undefined, <p>no billing here</p>))
    await settle()
    expect(route.seen).toHaveLength(0)
  })

  it('loads when the first consumer mounts; a consumer mounted later does not refetch', async () => {
    const route = billingRoute()
    const { rerender } = render(app(route, undefined, <p>start</p>))
    await settle()
    rerender(app(route, undefined, <Customer label="first" />))
    expect(screen.getByTestId('first').textContent).toBe('pending')
    await settle()
    expect(screen.getByTestId('first').textContent).toBe('cus_1')
    expect(route.seen.map((request) => request.key)).toEqual(['customers/billing'])
    rerender(
      app(
        route,
        undefined,
        <>
          <Customer label="first" />
          <Customer label="second" />
        </>,
      ),
    )
    await settle()
    expect(screen.getByTestId('second').textContent).toBe('cus_1')
    expect(route.seen).toHaveLength(1)
  })
})

describe('with a loadBilling prop (0.16)', () => {
  it('true: loads on provider mount, even with no consumer', async () => {
    const route = billingRoute()
    render(app(route, true, <p>no billing here</p>))
    await settle()
    expect(route.seen.map((request) => request.key)).toEqual(['customers/billing'])
  })

  it('false: never loads, even with consumers or reload(); reports billing disabled', async () => {
    const route = billingRoute()
    let reload = async () => {}
    function Reloader() {
      reload = useBilling().reload
      return null
    }
    render(
      app(
        route,
        false,
        <>
          <Customer />
          <Reloader />
        </>,
      ),
    )
    await settle()
    await act(() => reload())
    expect(route.seen).toHaveLength(0)
    expect(screen.getByTestId('customer').textContent).toBe('none')
  })

  it('false → true: pending in the very render that flips it, then loads once', async () => {
    const route = billingRoute()
    const seen: string[] = []
    function Recorder() {
      const billing = useBilling()
      seen.push(`${billing.loadBilling}/${billing.loaded}`)
      return null
    }
    const { rerender } = render(app(route, false, <Recorder />))
    await settle()
    seen.length = 0
    rerender(app(route, true, <Recorder />))
    expect(seen[0]).toBe('true/false')
    await settle()
    expect(seen.at(-1)).toBe('true/true')
    expect(seen).not.toContain('false/true')
    expect(route.seen).toHaveLength(1)
  })

  it('true → false after loading keeps the billing it loaded (remount the provider to drop it)', async () => {
    const route = billingRoute()
    const { rerender } = render(app(route, true, <Customer />))
    await settle()
    rerender(app(route, false, <Customer />))
    await settle()
    expect(screen.getByTestId('customer').textContent).toBe('cus_1')
    expect(route.seen).toHaveLength(1)
  })
})
