import { describe, expect, it } from 'vitest'
import { KEY, newCustomer, setup, txn } from '../../test/helpers.js'
import { isLoopback } from './route.js'

describe('dashboard', () => {
  it('needs the key in-process (header or ?key=), or a loopback peer', async () => {
    const { emulator } = setup({ secretKey: KEY })
    const get = (path: string, headers: Record<string, string> = {}, remoteAddress?: string) =>
      emulator.fetch(new Request(`http://emulator.local${path}`, { headers }), { remoteAddress })
    expect((await get('/')).status).toBe(401)
    expect((await get('/?key=sk_test_wrong')).status).toBe(401)
    expect((await get('/', {}, '10.0.0.5')).status).toBe(401)
    expect((await get(`/?key=${KEY}`)).status).toBe(200)
    expect((await get('/', { authorization: KEY })).status).toBe(200)
    expect((await get('/', {}, '::ffff:127.0.0.1')).status).toBe(200)
  })

  it('escapes everything it shows', async () => {
    const { api, emulator } = setup()
    await api.post('/customers', {
      customer: { externalId: 'x"><b>', email: 'e@x.com', name: '<script>alert(1)</script>' },
    })
    const { subscriptionId } = await newCustomer(api, 'plain')
    await api.post('/usage-events', {
      usageEvent: {
        subscriptionId,
        amount: 1,
        transactionId: `<img src=x onerror=alert(1)>${txn()}`,
        usageMeterSlug: 'active_users',
        properties: { user: '</code><i>' },
      },
    })
    const res = await emulator.fetch(new Request(`http://emulator.local/?key=${KEY}`))
    const body = await res.text()
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(body).not.toContain('<script>')
    expect(body).not.toContain('<img')
    expect(body).not.toContain('<i>')
    expect(body).toContain('data-customer="x&quot;&gt;&lt;b&gt;"')
  })

  it('recognises loopback addresses only', () => {
    expect(['127.0.0.1', '127.8.0.1', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([
      true,
      true,
      true,
      true,
    ])
    expect(['10.0.0.1', '::ffff:10.0.0.1', '', undefined].map(isLoopback)).toEqual([
      false,
      false,
      false,
      false,
    ])
  })
})
