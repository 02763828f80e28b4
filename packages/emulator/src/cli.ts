#!/usr/bin/env node
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { startEmulator } from './node.js'
import type { SeedInput } from './seed/format.js'

const USAGE = `Usage: flowglad-emulator [--port 4010] [--host 127.0.0.1] [--seed pricing.json]

A stateful, in-memory Flowglad REST API at http://HOST:PORT/api/v1.
  --port   port to listen on (0 picks a free one; default 4010)
  --host   interface to bind (default 127.0.0.1)
  --seed   JSON pricing model (see the README's seed format; default: the demo seed)
  --key    accept only this secret key (default: any key starting sk_test_)`

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      key: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Invalid --port: ${values.port}`)
  const seed = values.seed
    ? (JSON.parse(readFileSync(values.seed, 'utf8')) as SeedInput)
    : undefined
  const running = await startEmulator({ port, host: values.host, seed, secretKey: values.key })
  console.log(`Flowglad emulator listening on ${running.url}`)
  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
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
      : String(error)
  console.error(`flowglad-emulator: ${message}`)
  process.exit(1)
})
