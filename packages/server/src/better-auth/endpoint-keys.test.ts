import { createRequire } from 'node:module'
import { FlowgladActionKey, flowgladActions } from '@flowglad/shared'
import type { betterAuth } from 'better-auth'
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  actionKeyToEndpointKey,
  endpointKeyToActionKey,
  type FlowgladBetterAuthPlugin,
  flowgladPlugin,
} from './entry.mjs'

const require = createRequire(import.meta.url)
const actionKeys = Object.values(FlowgladActionKey)

describe('Better Auth endpoints are derived from the action table', () => {
  it('the plugin has one POST endpoint per action at /flowglad/<actionKey>, plus get-external-id', () => {
    const { id, endpoints } = flowgladPlugin()
    expect(id).toBe('flowglad')
    const routes = Object.values(endpoints).map((endpoint) => ({
      path: endpoint.path,
      method: endpoint.options.method,
    }))
    expect(routes).toHaveLength(actionKeys.length + 1)
    expect(routes).toEqual(
      expect.arrayContaining([
        { path: '/flowglad/get-external-id', method: 'GET' },
        ...actionKeys.map((key) => ({
          path: `/flowglad/${key}`,
          method: flowgladActions[key].method,
        })),
      ]),
    )
  })

  it('each action has its own endpoint name, and the names invert', () => {
    const names = actionKeys.map((key) => actionKeyToEndpointKey[key])
    expect(new Set(names).size).toBe(actionKeys.length)
    for (const key of actionKeys)
      expect(endpointKeyToActionKey[actionKeyToEndpointKey[key]]).toBe(key)
  })

  it("upstream 0.18's endpoint names (auth.api.<name>) mean the same actions here", () => {
    const upstream: Record<string, string> =
      require('upstream-server/better-auth').endpointKeyToActionKey
    const shared = Object.entries(upstream).filter(([, key]) => key in flowgladActions)
    expect(shared.length).toBeGreaterThanOrEqual(12)
    for (const [name, key] of shared) expect(endpointKeyToActionKey[name]).toBe(key)
  })

  it('auth.api is typed with the endpoint names (checked by tsc)', () => {
    type Api = ReturnType<typeof betterAuth<{ plugins: [FlowgladBetterAuthPlugin] }>>['api']
    expectTypeOf<Api>().toHaveProperty('getCustomerBilling')
    expectTypeOf<Api>().toHaveProperty('createUsageEvent')
    expectTypeOf<Api>().toHaveProperty('getResources')
    expectTypeOf<Api>().toHaveProperty('getExternalId')
  })
})
