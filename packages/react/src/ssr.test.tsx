import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { billingFixture } from '../test/billing-fixture.js'
import { envelope } from '../test/route-fetch.js'
import { FlowgladProvider } from './provider.js'
import { useBilling } from './use-billing.js'
import { usePricingModel } from './use-pricing-model.js'
import { useSubscriptions } from './use-subscriptions.js'
import { useUsageMeters } from './use-usage-meters.js'

// Node environment on purpose: no window, no DOM, as on a server.
describe('server rendering', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('the data hooks render loading on the server and fetch nothing', () => {
    const fetchSpy = vi.fn(async () => envelope({}))
    function Data() {
      const meters = useUsageMeters()
      const subscriptions = useSubscriptions()
      const pricingModel = usePricingModel()
      return (
        <p>
          {`${meters.isLoading}/${subscriptions.isLoading}/${pricingModel === null}/${String(meters.usageMeters)}`}
        </p>
      )
    }
    const html = renderToString(
      <FlowgladProvider requestConfig={{ fetch: fetchSpy }}>
        <Data />
      </FlowgladProvider>,
    )
    expect(html).toContain('true/true/true/undefined')
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('renderToString of a provider tree does not fetch or crash and renders pending', () => {
    const fetchSpy = vi.fn(async () => envelope(billingFixture()))
    const globalFetch = vi.fn(async () => envelope(billingFixture()))
    vi.stubGlobal('fetch', globalFetch)
    function Status() {
      const billing = useBilling()
      return <p>{billing.loaded ? 'loaded' : 'pending'}</p>
    }
    const html = renderToString(
      <FlowgladProvider requestConfig={{ fetch: fetchSpy }}>
        <Status />
      </FlowgladProvider>,
    )
    expect(html).toContain('pending')
    expect(fetchSpy).not.toHaveBeenCalled()
    expect(globalFetch).not.toHaveBeenCalled()
    // The same tree without requestConfig (the global fetch path) fetches nothing either.
    expect(
      renderToString(
        <FlowgladProvider>
          <Status />
        </FlowgladProvider>,
      ),
    ).toContain('pending')
    expect(globalFetch).not.toHaveBeenCalled()
  })

  it('dev mode renders loaded on the server', () => {
    function Name() {
      return <p>{useBilling().customer?.email}</p>
    }
    const html = renderToString(
      <FlowgladProvider __devMode billingMocks={billingFixture()}>
        <Name />
      </FlowgladProvider>,
    )
    expect(html).toContain('a@x.test')
  })
})
