/** The three people you can sign in as. Their ids are the Flowglad customers' external ids. */
export const demoUsers = [
  { id: 'demo-alice', name: 'Alice Example', email: 'alice@example.test' },
  { id: 'demo-bob', name: 'Bob Example', email: 'bob@example.test' },
  { id: 'demo-carol', name: 'Carol Example', email: 'carol@example.test' },
] as const

export type DemoUser = (typeof demoUsers)[number]

export const SESSION_COOKIE = 'demo_user'

export function findDemoUser(id: string | null | undefined): DemoUser | undefined {
  return demoUsers.find((user) => user.id === id)
}

/** Reads the demo session from a raw Cookie header (route handlers get a plain Request). */
export function userIdFromCookieHeader(header: string | null): string | null {
  for (const part of header?.split(';') ?? []) {
    const [name, ...value] = part.trim().split('=')
    if (name === SESSION_COOKIE)
      return findDemoUser(decodeURIComponent(value.join('=')))?.id ?? null
  }
  return null
}
