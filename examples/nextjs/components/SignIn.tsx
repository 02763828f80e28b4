import { signIn } from '@/app/actions'
import { demoUsers } from '@/lib/demo-users'

export function SignIn() {
  return (
    <section className="card">
      <h1>Usage billing demo</h1>
      <p>Pick a demo user. Each one is a separate Flowglad customer on the free plan.</p>
      <form action={signIn} className="row">
        {demoUsers.map((user) => (
          <button
            key={user.id}
            type="submit"
            name="userId"
            value={user.id}
            data-testid={`sign-in-${user.id}`}
          >
            Sign in as {user.name}
          </button>
        ))}
      </form>
    </section>
  )
}
