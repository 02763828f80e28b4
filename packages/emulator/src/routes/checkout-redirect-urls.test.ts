import { describe, expect, it } from 'vitest'
import { type Client, KEY, newCustomer, setup } from '../../test/helpers.js'
import type { Emulator } from '../emulator.js'

const good = { successUrl: 'http://localhost:3000/ok?x=1', cancelUrl: 'https://app.test/no' }

function create(api: Client, urls: { successUrl: string; cancelUrl: string }) {
  return api.post('/checkout-sessions', {
    checkoutSession: { type: 'add_payment_method', customerExternalId: 'buyer', ...urls },
  })
}

/** Presses a button of the checkout page (a form post, no key: the id is the capability). */
function press(emulator: Emulator, id: string, button: 'complete' | 'cancel') {
  return emulator.fetch(
    new Request(`http://emulator.local/checkout/${id}/${button}`, { method: 'POST' }),
  )
}

describe('checkout redirect URLs', () => {
  it('only absolute http(s) URLs are accepted, for both successUrl and cancelUrl', async () => {
    const { api, emulator } = setup()
    await newCustomer(api, 'buyer')
    const refused = [
      'javascript:alert(1)',
      'JavaScript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '/relative/path',
      '//evil.test/no-scheme',
      'not a url',
      '',
    ]
    for (const url of refused) {
      for (const field of ['successUrl', 'cancelUrl'] as const) {
        const res = await create(api, { ...good, [field]: url })
        expect(res.status, `${field} = ${url}`).toBe(400)
        expect(res.body).toMatchObject({ code: 'BAD_REQUEST', request_id: expect.any(String) })
        expect(res.body.error).toEqual([
          expect.objectContaining({
            path: ['checkoutSession', field],
            message: expect.stringMatching(/absolute http: or https: URL/),
          }),
        ])
      }
    }
    expect(emulator.state.tables.checkoutSessions.size).toBe(0)
  })

  it('the page redirects (303) to accepted URLs', async () => {
    const { api, emulator } = setup()
    await newCustomer(api, 'buyer')
    const first = (await create(api, good)).body.checkoutSession
    const canceled = await press(emulator, first.id, 'cancel')
    expect(canceled.status).toBe(303)
    expect(canceled.headers.get('location')).toBe(good.cancelUrl)
    const completed = await press(emulator, first.id, 'complete')
    expect(completed.status).toBe(303)
    expect(completed.headers.get('location')).toBe(good.successUrl)
  })

  it('never redirects to a script URL, even one smuggled in through a snapshot', async () => {
    const { api, emulator } = setup()
    await newCustomer(api, 'buyer')
    const session = (await create(api, good)).body.checkoutSession
    const snapshot = emulator.exportState()
    for (const row of snapshot.tables.checkoutSessions) {
      row.successUrl = 'javascript:alert(1)'
      row.cancelUrl = 'data:text/html,hi'
    }
    emulator.importState(snapshot)
    for (const button of ['cancel', 'complete'] as const) {
      const res = await press(emulator, session.id, button)
      expect(res.status).toBe(200)
      expect(res.headers.get('location')).toBeNull()
      expect(await res.text()).toContain('no http(s) URL to return to')
    }
    // The control route completes it too, without any redirect.
    const again = await emulator.fetch(
      new Request(`http://emulator.local/_emulator/checkout-sessions/${session.id}/complete`, {
        method: 'POST',
        headers: { authorization: KEY },
      }),
    )
    expect(again.status).toBe(400) // already completed by the page
  })
})
