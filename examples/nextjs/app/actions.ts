'use server'

import { cookies } from 'next/headers'
import { findDemoUser, SESSION_COOKIE } from '@/lib/demo-users'
import { flowglad, flowgladBaseURL } from '@/lib/flowglad'
import { currentUser } from '@/lib/session'
import { type ReceivedWebhook, webhooksOf } from '@/lib/webhook-events'

export async function signIn(formData: FormData): Promise<void> {
  const user = findDemoUser(String(formData.get('userId')))
  if (!user) return
  const store = await cookies()
  store.set(SESSION_COOKIE, user.id, { httpOnly: true, sameSite: 'lax', path: '/' })
}

export async function signOut(): Promise<void> {
  const store = await cookies()
  store.delete(SESSION_COOKIE)
}

export interface BurstResult {
  created: number
  skipped: number
  error?: string
}

/** High-frequency usage belongs on the server: one bulk request for a burst of API calls. */
export async function recordApiCallBurst(count: number): Promise<BurstResult> {
  const user = await currentUser()
  if (!user) return { created: 0, skipped: 0, error: 'Sign in first' }
  const server = flowglad(user.id)
  // A fresh billing read: the plan may have just changed through checkout.
  const { currentSubscription } = await server.getBilling()
  const currentSubscriptionId = currentSubscription?.id
  if (!currentSubscriptionId) return { created: 0, skipped: 0, error: 'No current subscription' }
  const burst = crypto.randomUUID()
  const size = Math.min(Math.max(Math.trunc(count), 1), 200)
  const usageEvents = Array.from({ length: size }, (_, index) => ({
    subscriptionId: currentSubscriptionId,
    usageMeterSlug: 'api_calls',
    amount: 1,
    transactionId: `${burst}-${index}`,
  }))
  const result = await server.bulkCreateUsageEvents({ usageEvents })
  return { created: result.usageEvents.length, skipped: result.skipped }
}

/** Demo-only control of the local emulator's clock: crosses a billing period so it invoices. */
export async function advanceEmulatorClock(
  days: number,
): Promise<{ now?: number; error?: string }> {
  const response = await fetch(`${flowgladBaseURL}/_emulator/clock`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: process.env.FLOWGLAD_SECRET_KEY ?? 'sk_test_demo',
    },
    body: JSON.stringify({ advanceMs: days * 24 * 60 * 60 * 1000 }),
  })
  if (!response.ok) return { error: `The emulator answered ${response.status}` }
  const body = (await response.json()) as { now?: number }
  return { now: body.now }
}

/** The webhooks this app received for the signed-in user (shown in the dev panel). */
export async function recentWebhooks(): Promise<ReceivedWebhook[]> {
  const user = await currentUser()
  return user ? webhooksOf(user.id) : []
}
