/** Builders for requests as browsers send them to `/api/flowglad/<action>`. */
export const appOrigin = 'http://app.test'

export function jsonPost(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Request {
  return new Request(`${appOrigin}/api/flowglad/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: appOrigin, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** What upstream `@flowglad/react` sends for billing: POST, body `{}`, no Content-Type set. */
export function upstreamBillingPost(path = 'customers/billing'): Request {
  const request = new Request(`${appOrigin}/api/flowglad/${path}`, {
    method: 'POST',
    headers: { origin: appOrigin },
    body: '{}',
  })
  return request
}

export async function readEnvelope(response: Response) {
  return (await response.json()) as {
    data: unknown
    error: { code: string; json: { message: string; [key: string]: unknown } } | null
  }
}
