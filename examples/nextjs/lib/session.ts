import { cookies } from 'next/headers'
import { type DemoUser, findDemoUser, SESSION_COOKIE } from './demo-users'

export async function currentUser(): Promise<DemoUser | undefined> {
  const store = await cookies()
  return findDemoUser(store.get(SESSION_COOKIE)?.value)
}
