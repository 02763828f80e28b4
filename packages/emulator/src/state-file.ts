import { createReadStream, createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import type { Emulator } from './emulator.js'

/**
 * Writes the emulator's snapshot to `path`, streamed (any size), through `<path>.tmp` and a
 * rename: if anything fails, the previous file is left as it was and the error is thrown.
 */
export async function saveStateFile(emulator: Emulator, path: string): Promise<void> {
  const tmp = `${path}.tmp`
  try {
    const snapshot = emulator.exportStateStream() as unknown as AsyncIterable<Uint8Array>
    await pipeline(snapshot, createWriteStream(tmp))
    await rename(tmp, path)
  } catch (error) {
    // Not recursive: if `<path>.tmp` is somebody's directory, it stays.
    await rm(tmp, { force: true }).catch(() => undefined)
    throw error
  }
}

/** Replaces the emulator's state with the snapshot in `path`, read incrementally. */
export async function loadStateFile(emulator: Emulator, path: string): Promise<void> {
  await emulator.importStateStream(createReadStream(path))
}
