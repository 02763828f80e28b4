type Handle = ReturnType<typeof setTimeout>

/**
 * A restartable one-shot timer that, unless told to, never keeps a Node process alive
 * (`unref` where the runtime has it; edge runtimes have no such notion and need nothing).
 */
export class Timer {
  #handle: Handle | undefined
  #keepAlive = false

  get armed(): boolean {
    return this.#handle !== undefined
  }

  /** Arms the timer unless it already is. */
  arm(delayMs: number, callback: () => void): void {
    if (this.#handle !== undefined) return
    this.#handle = setTimeout(() => {
      this.#handle = undefined
      callback()
    }, delayMs)
    this.#applyKeepAlive()
  }

  clear(): void {
    if (this.#handle !== undefined) clearTimeout(this.#handle)
    this.#handle = undefined
  }

  /** While someone awaits a flush, the timer should hold the process open until it is done. */
  keepAlive(value: boolean): void {
    this.#keepAlive = value
    this.#applyKeepAlive()
  }

  #applyKeepAlive(): void {
    const handle = this.#handle as { ref?: () => void; unref?: () => void } | undefined
    if (typeof handle !== 'object' || handle === null) return
    if (this.#keepAlive) handle.ref?.()
    else handle.unref?.()
  }
}
