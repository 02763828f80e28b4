import { FlowgladProvider } from '@flowglad/nextjs'
import { Dashboard } from '@/components/Dashboard'
import { SignIn } from '@/components/SignIn'
import { currentUser } from '@/lib/session'

export const dynamic = 'force-dynamic'

export default async function Home() {
  const user = await currentUser()
  if (!user) return <SignIn />
  // Keyed by user: switching accounts starts from an empty billing store.
  return (
    <FlowgladProvider key={user.id} loadBilling>
      <Dashboard userName={user.name} userId={user.id} />
    </FlowgladProvider>
  )
}
