#!/usr/bin/env node
import { existsSync, readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { startEmulator } from './node.js'
import { readPricingFile } from './pricing/file.js'
import type { SeedInput } from './seed/format.js'
import { loadStateFile, saveStateFile } from './state-file.js'
import { registerCliWebhook } from './webhooks/cli-webhook.js'

const USAGE = `Usage: flowglad-emulator [--port 4010] [--host 127.0.0.1] [--pricing pricing.yaml]
                         [--state state.json] [--fault-rate 0.1 --fault-seed 7]

A stateful, in-memory Flowglad REST API at http://HOST:PORT/api/v1 (dashboard at /).
  --port        port to listen on (0 picks a free one; default 4010)
  --host        interface to bind (default 127.0.0.1)
  --pricing     Flowglad pricing file (pricing.yaml, YAML or JSON) to load as the default model
  --seed        JSON pricing model (see the README's seed format; default: the demo seed)
  --key         accept only this secret key (default: any key starting sk_test_)
  --state       load this snapshot at start if it exists; write it on exit (SIGINT/SIGTERM)
  --fault-rate  share (0..1) of API requests that fail at random (default 0)
  --fault-seed  seed of the random faults, for reproducible runs (default 1)
  --webhook-url     send every webhook event, signed, to this URL; prints the signing secret
  --webhook-secret  sign with this whsec_... secret instead of a generated one`

function numberFlag(name: string, value: string | undefined, min: number, max: number) {
  if (value === undefined) return undefined
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new Error(`Invalid --${name}: ${value} (expected a number from ${min} to ${max})`)
  }
  return n
}

/** One line for an error: an emulator error's body (issues included), else its message. */
function reasonOf(error: unknown): string {
  if (error instanceof Error && 'body' in error) {
    const { body } = error as { body: unknown }
    return typeof body === 'string' ? body : JSON.stringify(body)
  }
  return error instanceof Error ? error.message : String(error)
}

/** Parses a JSON file named by a flag; a failure names the flag and the file. */
function readJsonFile(flag: string, path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    // The emulator's own seed is JSON; a Flowglad pricing file goes to --pricing.
    const hint =
      flag === 'seed' && /\.ya?ml$/i.test(path) ? ' (for a pricing.yaml, use --pricing)' : ''
    throw new Error(`Invalid --${flag} ${path}: ${reasonOf(error)}${hint}`)
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      pricing: { type: 'string' },
      key: { type: 'string' },
      state: { type: 'string' },
      'fault-rate': { type: 'string' },
      'fault-seed': { type: 'string' },
      'webhook-url': { type: 'string' },
      'webhook-secret': { type: 'string' },
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
  if (values.seed && values.pricing) throw new Error('Pass either --seed or --pricing, not both')
  const seed = values.seed ? (readJsonFile('seed', values.seed) as SeedInput) : undefined
  const pricingModel = values.pricing ? readPricingFile(values.pricing) : undefined
  const running = await startEmulator({
    port,
    host: values.host,
    seed,
    pricingModel,
    secretKey: values.key,
    ...(faultRate !== undefined ? { faultRate } : {}),
    ...(faultSeed !== undefined ? { faultSeed } : {}),
  })
  const statePath = values.state
  if (statePath && existsSync(statePath)) {
    try {
      await loadStateFile(running.emulator, statePath)
    } catch (error) {
      await running.close()
      throw new Error(`Invalid --state ${statePath}: ${reasonOf(error)}`)
    }
    console.log(`Loaded state from ${statePath}`)
  }
  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    let failed = false
    // Stop serving first, so the saved state is the final one.
    await running.close().catch((error: unknown) => {
      failed = true
      console.error(`flowglad-emulator: could not close the server: ${reasonOf(error)}`)
    })
    if (statePath) {
      try {
        await saveStateFile(running.emulator, statePath)
        console.log(`Saved state to ${statePath}`)
      } catch (error) {
        failed = true
        console.error(
          `flowglad-emulator: could not save state to ${statePath} (the previous file, if any, is unchanged): ${reasonOf(error)}`,
        )
      }
    }
    console.log(`Flowglad emulator stopped (${signal})`)
    process.exit(failed ? 1 : 0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  // Only now: a signal that arrives before its handler is installed kills the process unsaved.
  console.log(`Flowglad emulator listening on ${running.url}`)
  console.log(`Dashboard: ${running.url}/`)
  if (values['webhook-url']) {
    const lines = registerCliWebhook(
      running.emulator,
      values['webhook-url'],
      values['webhook-secret'],
    )
    for (const line of lines) console.log(line)
  }
}

main().catch((error: unknown) => {
  console.error(`flowglad-emulator: ${reasonOf(error)}`)
  process.exit(1)
})
