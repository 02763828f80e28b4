// The emulator in a worker thread: in the same process as the code under test but with its own
// module graph, so loading it (and the zod it uses) warms nothing the measured import needs.
// Protocol: { id, url, method, headers, body } in; { id, status, headers, body } out.
import { parentPort } from 'node:worker_threads'
import { createEmulator } from '@flowglad/emulator'

const emulator = createEmulator()
parentPort.on('message', async ({ id, url, method, headers, body }) => {
  const response = await emulator.fetch(new Request(url, { method, headers, body }))
  parentPort.postMessage({
    id,
    status: response.status,
    headers: [...response.headers],
    body: await response.text(),
  })
})
parentPort.postMessage({ ready: true })
