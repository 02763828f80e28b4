/** One recorded request to the fake app route. */
export interface SeenRequest {
  url: string
  key: string
  method: string
  headers: Headers
  body: Record<string, unknown>
}

type Answer = Response | Promise<Response>
export type RouteAnswers = Record<
  string,
  (body: Record<string, unknown>, seen: SeenRequest) => Answer
>

export function envelope(data: unknown, status = 200): Response {
  return new Response(JSON.stringify({ data, error: null }), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

export function errorEnvelope(error: unknown, status: number): Response {
  return new Response(JSON.stringify({ data: null, error }), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

/**
 * A fetch stand-in for the app's `/api/flowglad/<key>` routes: answers per key and records what
 * the client sent, so tests can assert on URLs, headers and bodies.
 */
export function routeFetch(answers: RouteAnswers) {
  const seen: SeenRequest[] = []
  const fetch = async (input: string, init: RequestInit): Promise<Response> => {
    const url = String(input)
    const key = url.slice(url.indexOf('/api/flowglad/') + '/api/flowglad/'.length)
    const body = JSON.parse(String(init.body ?? '{}')) as Record<string, unknown>
    const request: SeenRequest = {
      url,
      key,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body,
    }
    seen.push(request)
    const answer = answers[key]
    if (!answer) return errorEnvelope({ code: 'not_found', json: { message: key } }, 404)
    return answer(body, request)
  }
  return { fetch, seen }
}

/** A promise with its resolver, to hold an answer back until the test releases it. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((done) => {
    resolve = done
  })
  return { promise, resolve }
}
