'use client'

import { FlowgladRequestError, useResource } from '@flowglad/nextjs'
import { useState, useTransition } from 'react'

/**
 * Seats are a resource: the Pro plan grants a few, and each teammate holds one, claimed by the
 * teammate's id (claiming the same id twice still holds one seat). `subscriptionId` is the one
 * billing just loaded, so a plan change shows the new plan's seats at once.
 */
export function TeamSeats({ subscriptionId }: { subscriptionId: string }) {
  const seats = useResource('seats', { subscriptionId })
  const [teammate, setTeammate] = useState('')
  const [problem, setProblem] = useState('')
  const [pending, startTransition] = useTransition()

  const change = (work: () => Promise<unknown>) =>
    startTransition(async () => {
      try {
        await work()
        setProblem('')
      } catch (error) {
        // Past capacity the API refuses the claim (400) and nothing is claimed.
        const full = seats.usage?.available === 0
        if (full) setProblem('no seats left: remove a teammate first')
        else setProblem(error instanceof FlowgladRequestError ? error.code : 'failed')
      }
    })

  if (seats.isLoading) return <p className="card">Loading seats…</p>
  if (seats.error) {
    return (
      <p className="card" role="alert" data-testid="seats-error">
        Seats failed to load: {seats.error.message}
      </p>
    )
  }
  const usage = seats.usage
  if (!usage || usage.capacity === 0) {
    return (
      <section className="card">
        <h2>Team</h2>
        <p className="muted" data-testid="seats-none">
          Your plan has no seats. Upgrade to Pro to invite teammates.
        </p>
      </section>
    )
  }

  const invite = () => {
    const id = teammate.trim()
    if (!id) return
    change(async () => {
      await seats.claim({ externalId: id })
      setTeammate('')
    })
  }

  return (
    <section className="card" data-testid="seats">
      <h2>Team</h2>
      <p>
        Seats used <strong data-testid="seats-claimed">{usage.claimed}</strong> of{' '}
        <strong data-testid="seats-capacity">{usage.capacity}</strong> ·{' '}
        <span data-testid="seats-available">{usage.available}</span> available
      </p>
      <ul>
        {seats.claims.map((claim) => (
          <li key={claim.id} data-testid="teammate" data-teammate={claim.externalId ?? ''}>
            {claim.externalId ?? 'unnamed seat'}{' '}
            <button
              type="button"
              disabled={pending}
              data-testid={`remove-${claim.externalId ?? claim.id}`}
              onClick={() => change(() => seats.release({ claimIds: [claim.id] }))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault()
          invite()
        }}
      >
        <input
          aria-label="Teammate email"
          placeholder="teammate@example.com"
          value={teammate}
          data-testid="teammate-id"
          onChange={(event) => setTeammate(event.target.value)}
        />
        <button type="submit" disabled={pending || !teammate.trim()} data-testid="invite">
          Invite
        </button>
      </form>
      {problem && (
        <p role="alert" data-testid="seats-problem">
          Could not change seats ({problem})
        </p>
      )}
    </section>
  )
}
