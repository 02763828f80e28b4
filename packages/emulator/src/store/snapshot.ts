import { validateUsageProperties } from '@flowglad/shared'
import * as z from 'zod'
import { CLOCK_RANGE } from '../clock-range.js'
import { badRequest } from '../errors.js'
import { toIssues } from '../routes/http.js'
import { createState, emptyTables, rebuildIndexes, type State, type Tables } from './state.js'

export const SNAPSHOT_VERSION = 1

export type TableName = keyof Tables
type TableRows = { [K in TableName]: Tables[K] extends Map<string, infer R> ? R[] : never }

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

/** Everything but the tables. */
export type SnapshotEnvelope = Omit<EmulatorSnapshot, 'tables'>

export const TABLE_NAMES = Object.keys(emptyTables()) as TableName[]

const tableNames = new Set<string>(TABLE_NAMES)
export const isTableName = (name: string): name is TableName => tableNames.has(name)

const envelopeSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  // A `now` past the clock's range would make the import close periods for centuries.
  now: z.number().min(CLOCK_RANGE.min).lt(CLOCK_RANGE.max),
  organizationId: z.string().min(1),
  livemode: z.boolean(),
  defaultPricingModelId: z.string(),
})

const tablesSchema = z.object(
  Object.fromEntries(TABLE_NAMES.map((name) => [name, z.array(z.unknown()).default([])])),
)

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A JSON copy of one row, so the caller's object and the state never share structure. */
const copyRow = (row: unknown): unknown => JSON.parse(JSON.stringify(row))

/**
 * Builds a state row by row, from either snapshot form. The envelope and row ids are checked,
 * and so are usage events' `properties` (the limits of the API), so that no snapshot can bring
 * in a value the emulator could not serialise again; other row contents are trusted, as
 * snapshots come from an export.
 */
export class StateLoader {
  readonly state: State
  readonly now: number

  constructor(envelope: unknown) {
    const parsed = envelopeSchema.safeParse(envelope)
    if (!parsed.success) throw badRequest(toIssues(parsed.error))
    this.now = parsed.data.now
    this.state = createState(parsed.data.organizationId)
    this.state.livemode = parsed.data.livemode
    this.state.defaultPricingModelId = parsed.data.defaultPricingModelId
  }

  /** Checks one row and adds it, as given or (`copy`) as a JSON copy made after the checks. */
  add(table: TableName, row: unknown, index: number, copy = false): void {
    const at = ['tables', table, index]
    if (!isRecord(row) || typeof row.id !== 'string' || row.id === '') {
      throw badRequest([
        {
          code: 'invalid_type',
          path: [...at, 'id'],
          message: 'Invalid input: expected a string id',
        },
      ])
    }
    if (table === 'usageEvents' && row.properties !== null && row.properties !== undefined) {
      const problem = validateUsageProperties(row.properties)
      if (problem) {
        const path = [...at, 'properties', ...problem.path]
        throw badRequest([{ code: 'custom', path, message: problem.message }])
      }
    }
    ;(this.state.tables[table] as Map<string, unknown>).set(row.id, copy ? copyRow(row) : row)
  }

  finish(): { state: State; now: number } {
    rebuildIndexes(this.state)
    return { state: this.state, now: this.now }
  }
}

/**
 * A deep copy of the state as one object (later writes do not show through). Rows are copied
 * one by one, so this works for any size that fits in memory; to write a snapshot to a file or
 * a socket, use the streamed form (`snapshotStream`), which never holds it all as one string.
 */
export function exportSnapshot(state: State, now: number): EmulatorSnapshot {
  const tables = {} as Record<string, unknown[]>
  for (const name of TABLE_NAMES) tables[name] = Array.from(state.tables[name].values(), copyRow)
  return {
    version: SNAPSHOT_VERSION,
    now,
    organizationId: state.organizationId,
    livemode: state.livemode,
    defaultPricingModelId: state.defaultPricingModelId,
    tables: tables as TableRows,
  }
}

/** Builds a state from a snapshot object (400 with issues when invalid; the input is copied). */
export function importSnapshot(input: unknown): { state: State; now: number } {
  const loader = new StateLoader(input)
  const tables = tablesSchema.safeParse((input as { tables?: unknown }).tables)
  if (!tables.success) {
    throw badRequest(
      toIssues(tables.error).map((issue) => ({ ...issue, path: ['tables', ...issue.path] })),
    )
  }
  for (const name of TABLE_NAMES) {
    const rows = (tables.data[name] ?? []) as unknown[]
    // Copied so that export → import → export is byte-for-byte identical (key order kept).
    for (let index = 0; index < rows.length; index++) loader.add(name, rows[index], index, true)
  }
  return loader.finish()
}
