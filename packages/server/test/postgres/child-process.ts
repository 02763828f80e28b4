import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export interface RunningChild {
  child: ChildProcess
  /** Every stdout line so far. */
  lines: string[]
  exited: Promise<number | null>
  /** Resolves once a line matching `predicate` (or `count` lines matching it) was printed. */
  waitFor(predicate: (line: string) => boolean, count?: number): Promise<void>
}

/** Starts one of this folder's child scripts with extra environment variables. */
export function startChild(script: string, env: Record<string, string>): RunningChild {
  const path = fileURLToPath(new URL(script, import.meta.url))
  const child = spawn(process.execPath, [path], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const listeners = new Set<() => void>()
  let partial = ''
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n')
    partial = parts.pop() ?? ''
    lines.push(...parts)
    for (const listener of listeners) listener()
  })
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      for (const listener of listeners) listener()
      resolve(code)
    })
  })
  return {
    child,
    lines,
    exited,
    waitFor(predicate, count = 1) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (lines.filter(predicate).length >= count) {
            listeners.delete(check)
            resolve()
          } else if (child.exitCode !== null || child.signalCode !== null) {
            listeners.delete(check)
            reject(
              new Error(`${script} exited (${child.exitCode ?? child.signalCode}):\n${stderr}`),
            )
          }
        }
        listeners.add(check)
        check()
      })
    },
  }
}
