import { FlowgladError } from '@flowglad/shared'

/** Upper bound on a request body; every action's input is a few hundred bytes. */
export const maxBodyLength = 1_000_000

/** The request body as JSON; an empty body is `{}` (upstream clients send bodyless POSTs). */
export async function readJsonBody(request: Request): Promise<unknown> {
  const declaredLength = Number(request.headers.get('content-length'))
  if (declaredLength > maxBodyLength) throw tooLarge()
  let text: string
  try {
    text = await request.text()
  } catch {
    throw new FlowgladError('validation_error', 'Request body could not be read')
  }
  if (text.length > maxBodyLength) throw tooLarge()
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text)
  } catch {
    throw new FlowgladError('validation_error', 'Request body must be valid JSON')
  }
}

function tooLarge(): FlowgladError {
  return new FlowgladError('validation_error', `Request body exceeds ${maxBodyLength} bytes`)
}
