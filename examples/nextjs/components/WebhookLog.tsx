'use client'

import { useCallback, useEffect, useState } from 'react'
import { recentWebhooks } from '@/app/actions'
import type { ReceivedWebhook } from '@/lib/webhook-events'

/** The last webhooks the app's route received for this user (verified with the signing secret). */
export function WebhookLog() {
  const [events, setEvents] = useState<ReceivedWebhook[]>([])
  const refresh = useCallback(() => {
    recentWebhooks().then(setEvents, () => setEvents([]))
  }, [])
  useEffect(refresh, [])

  return (
    <>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h3>Webhooks received</h3>
        <button type="button" onClick={refresh} data-testid="refresh-webhooks">
          Refresh
        </button>
      </div>
      {events.length === 0 ? (
        <p className="muted" data-testid="no-webhooks">
          None yet: they arrive at /api/webhooks/flowglad when billing changes.
        </p>
      ) : (
        <table>
          <tbody>
            {events.map((event) => (
              <tr key={event.eventId} data-testid="webhook-event" data-type={event.type}>
                <td>
                  <code>{event.type}</code>
                </td>
                <td>
                  <code>{event.objectId}</code>
                </td>
                <td className="muted">{event.receivedAt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
