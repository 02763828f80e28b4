import { spawn } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The built CLI (the tests run it the way users do). */
export const cli = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/cli.js')

/** Starts the built CLI and resolves its URL once it prints the "listening" line. */
export function launch(args: string[]) {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString()
  })
  const url = new Promise<string>((resolveUrl, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /listening on (http:\/\/[^\s]+)/.exec(out)
      if (match?.[1]) resolveUrl(match[1])
    })
    child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${out}`)))
  })
  const stop = (signal: NodeJS.Signals) =>
    new Promise<number | null>((done) => {
      child.once('exit', (code) => done(code))
      child.kill(signal)
    })
  return { child, url, stop, output: () => out, errors: () => err }
}

/** Runs the CLI expecting it to stop by itself; resolves its exit code and stderr. */
export function runToExit(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  return new Promise((done) => child.once('exit', (code) => done({ code, stderr })))
}
