import * as z from 'zod'
import { badRequest } from '../errors.js'
import { toIssues } from '../routes/http.js'
import { createState, emptyTables, rebuildIndexes, type State, type Tables } from './state.js'

export const SNAPSHOT_VERSION = 1

type TableRows = { [K in keyof Tables]: Tables[K] extends Map<string, infer R> ? R[] : never }

/** The JSON form of the whole emulator: every table as an array of rows, in insertion order. */
export interface EmulatorSnapshot {
  version: typeof SNAPSHOT_VERSION
  /** The emulator clock when the snapshot was taken (epoch ms). */
  now: number
  organizationId: string
  livemode: boolean
  defaultPricingModelId: string
  tables: TableRows
}

const TABLE_NAMES = Object.keys(emptyTables()) as (keyof Tables)[]

const rowSchema = z.looseObject({ id: z.string().min(1) })

const snapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  now: z.number(),
  organizationId: z.string().min(1),
  livemode: z.boolean(),
  defaultPricingModelId: z.string(),
  tables: z.object(
    Object.fromEntries(TABLE_NAMES.map((name) => [name, z.array(rowSchema).default([])])),
  ),
})

/** A deep copy of the state as plain JSON (later writes do not show through). */
export function exportSnapshot(state: State, now: number): EmulatorSnapshot {
  const tables = {} as Record<string, unknown[]>
  for (const name of TABLE_NAMES) tables[name] = [...state.tables[name].values()]
  return JSON.parse(
    JSON.stringify({
      version: SNAPSHOT_VERSION,
      now,
      organizationId: state.organizationId,
      livemode: state.livemode,
      defaultPricingModelId: state.defaultPricingModelId,
      tables,
    }),
  ) as EmulatorSnapshot
}

/**
 * Builds a state from a snapshot. The envelope and row ids are checked (400 with issues
 * otherwise); row contents are trusted, as snapshots come from `exportSnapshot`.
 */
export function importSnapshot(input: unknown): { state: State; now: number } {
  const parsed = snapshotSchema.safeParse(input)
  if (!parsed.success) throw badRequest(toIssues(parsed.error))
  // Rows are copied from the input as given (zod would move `id` first), so that
  // export → import → export is byte-for-byte identical.
  const data = JSON.parse(JSON.stringify(input)) as EmulatorSnapshot
  const state = createState(data.organizationId)
  state.livemode = data.livemode
  state.defaultPricingModelId = data.defaultPricingModelId
  for (const name of TABLE_NAMES) {
    const table = state.tables[name] as Map<string, { id: string }>
    for (const row of (data.tables[name] ?? []) as { id: string }[]) table.set(row.id, row)
  }
  rebuildIndexes(state)
  return { state, now: data.now }
}
