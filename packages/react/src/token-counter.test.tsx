// @vitest-environment happy-dom
// biome-ignore-all lint/a11y/useButtonType: the seed's button is kept verbatim
// The client-side example of the usage-based billing guide (shared/seeds), verbatim between the
// markers: it must compile and work against this package unchanged.
// --- verbatim from the seed ---
import { useBilling } from '@flowglad/react'
import { useState } from 'react'

// biome-ignore format: verbatim from the seed
function TokenCounter() {
  const { createUsageEvent } = useBilling()
  const [prompt, setPrompt] = useState('')

  const handleGenerateText = async () => {
    const response = await generateAIText(prompt)

    // Record the tokens consumed
    const result = await createUsageEvent({
      usageMeterSlug: 'ai_tokens',
      amount: response.tokensUsed,
    })
    
    if ('error' in result) {
      console.error('Failed to record usage:', result.error)
    }
  }

  return (
    <div>
      <input 
        value={prompt} 
        onChange={(e) => setPrompt(e.target.value)} 
        placeholder="Enter your prompt"
      />
      <button onClick={handleGenerateText}>Generate</button>
    </div>
  )
}

// --- end of the seed ---
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { billingFixture } from '../test/billing-fixture.js'
import { envelope, errorEnvelope, type RouteAnswers, routeFetch } from '../test/route-fetch.js'
import { FlowgladProvider } from './provider.js'

/** The seed leaves this to the app: pretend every character of the prompt costs 10 tokens. */
async function generateAIText(prompt: string) {
  return { text: prompt.toUpperCase(), tokensUsed: prompt.length * 10 }
}

function renderCounter(usage: RouteAnswers[string]) {
  const route = routeFetch({
    'customers/billing': () => envelope(billingFixture()),
    'usage-events/create': usage,
  })
  render(
    <FlowgladProvider requestConfig={{ fetch: route.fetch }}>
      <TokenCounter />
    </FlowgladProvider>,
  )
  fireEvent.change(screen.getByPlaceholderText('Enter your prompt'), { target: { value: 'hello' } })
  fireEvent.click(screen.getByText('Generate'))
  return route
}

afterEach(cleanup)

describe('the seed TokenCounter', () => {
  it('records the tokens used with usageMeterSlug ai_tokens', async () => {
    const route = renderCounter(() => envelope({ usageEvent: { id: 'ue_1' } }))
    await waitFor(() => expect(route.seen.some((r) => r.key === 'usage-events/create')).toBe(true))
    const request = route.seen.find((r) => r.key === 'usage-events/create')
    expect(request?.body).toMatchObject({ usageMeterSlug: 'ai_tokens', amount: 50 })
    expect(request?.body.transactionId).toEqual(expect.any(String))
  })

  it("reports a failure through the result's error, as the guide shows", async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const error = { code: 'missing_subscription_id', json: { message: 'no subscription' } }
    renderCounter(() => errorEnvelope(error, 400))
    await waitFor(() => expect(logged).toHaveBeenCalledWith('Failed to record usage:', error))
    logged.mockRestore()
  })
})
