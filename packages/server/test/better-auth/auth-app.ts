// A Better Auth app on a real PostgreSQL database with the Flowglad plugin, its Flowglad API an
// in-process emulator. Requests go through `auth.handler`, as a framework route would send them.
import { flowgladPlugin } from '../../src/better-auth/exports.js'
import { provideBetterAuthApi } from '../../src/better-auth/peer.js'
import type { FlowgladBetterAuthPluginOptions } from '../../src/better-auth/types.js'
import { type EmulatorHarness, startEmulator } from '../emulator.js'
import { createTestDatabase, type TestDatabase } from '../postgres/database.js'
import type { BetterAuthVersion } from './versions.js'

export const appOrigin = 'http://app.test'

export interface AuthApp {
  // biome-ignore lint/suspicious/noExplicitAny: the version's own instance type
  auth: any
  api: EmulatorHarness
  database: TestDatabase
  /** Sends `body` as JSON to `/api/auth<path>` with `cookie`; reads the JSON answer. */
  post(
    path: string,
    body: unknown,
    cookie?: string,
    headers?: Record<string, string>,
  ): Promise<Answer>
  get(path: string, cookie?: string): Promise<Answer>
  /** Signs up with email and password; returns the user id and the session cookie. */
  signUp(name: string): Promise<{ userId: string; cookie: string; status: number }>
  close(): Promise<void>
}

export interface Answer {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: JSON read by each test
  body: any
  cookie: string
}

export async function createAuthApp(
  version: BetterAuthVersion,
  pluginOptions: Partial<FlowgladBetterAuthPluginOptions> = {},
  intercept?: Parameters<typeof startEmulator>[0],
): Promise<AuthApp> {
  provideBetterAuthApi(version.api)
  const api = startEmulator(intercept)
  const database = await createTestDatabase('better_auth')
  const options = {
    database: database.pool,
    baseURL: appOrigin,
    secret: 'test-secret-that-is-long-enough-0123456789',
    emailAndPassword: { enabled: true },
    telemetry: { enabled: false },
    plugins: [version.organization(), flowgladPlugin({ ...api.clientOptions, ...pluginOptions })],
  }
  const { runMigrations } = await version.getMigrations(options)
  await runMigrations()
  const auth = version.betterAuth(options)

  async function send(request: Request): Promise<Answer> {
    const response: Response = await auth.handler(request)
    const text = await response.text()
    const cookie = response.headers
      .getSetCookie()
      .map((line) => line.split(';', 1)[0])
      .join('; ')
    return { status: response.status, body: text === '' ? null : JSON.parse(text), cookie }
  }
  const headersFor = (cookie: string | undefined, extra: Record<string, string> = {}) => ({
    origin: appOrigin,
    ...(cookie ? { cookie } : {}),
    ...extra,
  })

  const app: AuthApp = {
    auth,
    api,
    database,
    post: (path, body, cookie, headers = {}) =>
      send(
        new Request(`${appOrigin}/api/auth${path}`, {
          method: 'POST',
          headers: headersFor(cookie, { 'content-type': 'application/json', ...headers }),
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
      ),
    get: (path, cookie) =>
      send(new Request(`${appOrigin}/api/auth${path}`, { headers: headersFor(cookie) })),
    async signUp(name) {
      const email = `${name}.${Date.now()}@example.test`
      const answer = await app.post('/sign-up/email', { name, email, password: 'correct-horse-9' })
      return { userId: answer.body?.user?.id, cookie: answer.cookie, status: answer.status }
    },
    close: () => database.drop(),
  }
  return app
}
