#!/usr/bin/env node
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { startEmulator } from './node.js'
import type { SeedInput } from './seed/format.js'

const USAGE = `Usage: flowglad-emulator [--port 4010] [--host 127.0.0.1] [--seed pricing.json]
                         [--state state.json] [--fault-rate 0.1 --fault-seed 7]

A stateful, in-memory Flowglad REST API at http://HOST:PORT/api/v1 (dashboard at /).
  --port        port to listen on (0 picks a free one; default 4010)
  --host        interface to bind (default 127.0.0.1)
  --seed        JSON pricing model (see the README's seed format; default: the demo seed)
  --key         accept only this secret key (default: any key starting sk_test_)
  --state       load this snapshot at start if it exists; write it on exit (SIGINT/SIGTERM)
  --fault-rate  share (0..1) of API requests that fail at random (default 0)
  --fault-seed  seed of the random faults, for reproducible runs (default 1)`

function numberFlag(name: string, value: string | undefined, min: number, max: number) {
  if (value === undefined) return undefined
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new Error(`Invalid --${name}: ${value} (expected a number from ${min} to ${max})`)
  }
  return n
}

/** Parses a JSON file named by a flag; a failure names the flag and the file. */
function readJsonFile(flag: string, path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`Invalid --${flag} ${path}: ${reason}`)
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      key: { type: 'string' },
      state: { type: 'string' },
      'fault-rate': { type: 'string' },
      'fault-seed': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const port = numberFlag('port', values.port, 0, 65535)
  if (!Number.isInteger(port)) throw new Error(`Invalid --port: ${values.port}`)
  const faultRate = numberFlag('fault-rate', values['fault-rate'], 0, 1)
  const faultSeed = numberFlag('fault-seed', values['fault-seed'], 0, 2 ** 32 - 1)
  const seed = values.seed ? (readJsonFile('seed', values.seed) as SeedInput) : undefined
  const running = await startEmulator({
    port,
    host: values.host,
    seed,
    secretKey: values.key,
    ...(faultRate !== undefined ? { faultRate } : {}),
    ...(faultSeed !== undefined ? { faultSeed } : {}),
  })
  const statePath = values.state
  if (statePath && existsSync(statePath)) {
    running.emulator.importState(readJsonFile('state', statePath))
    console.log(`Loaded state from ${statePath}`)
  }
  console.log(`Flowglad emulator listening on ${running.url}`)
  console.log(`Dashboard: ${running.url}/`)
  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    if (statePath) {
      // Write then rename, so a crash mid-write never leaves a truncated file behind.
      const tmp = `${statePath}.tmp`
      writeFileSync(tmp, JSON.stringify(running.emulator.exportState()))
      renameSync(tmp, statePath)
      console.log(`Saved state to ${statePath}`)
    }
    running.close().then(
      () => {
        console.log(`Flowglad emulator stopped (${signal})`)
        process.exit(0)
      },
      () => process.exit(1),
    )
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

main().catch((error: unknown) => {
  const message =
    error instanceof Error && 'body' in error
      ? JSON.stringify((error as { body: unknown }).body)
      : error instanceof Error
        ? error.message
        : String(error)
  console.error(`flowglad-emulator: ${message}`)
  process.exit(1)
})
