// An app on Next 14 and React 18 (in our peer ranges, as in upstream's; the workspace runs
// Next 15/16 on React 19): the Next 15 fixture's app code, unchanged, in a scratch app with our
// packages packed and installed by npm (see ../packed-app.mjs). `next build` must pass with its
// type checks (strict, exactOptionalPropertyTypes), then the started app must render its page
// and answer the route handler's envelope. Prints one line per check and `N passed, N failed`.
import { execFileSync } from 'node:child_process'
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { startNext } from '../../scripts/next-start.mjs'
import { checkList } from '../check-list.mjs'
import { packedApp } from '../packed-app.mjs'

const fixture = new URL('../next15-app/', import.meta.url).pathname
const { check, finish } = checkList()
let app
let server
try {
  app = packedApp(
    'next14-app',
    ['shared', 'react', 'server', 'nextjs'],
    [
      'next@14.2.35',
      'react@18.3.1',
      'react-dom@18.3.1',
      'typescript@5.9.3',
      '@types/node@20.19.43',
      '@types/react@18.3.32',
      '@types/react-dom@18.3.7',
    ],
  )
  // The MCP route needs the optional adapter, which build-fixtures.mjs covers.
  const copied = (path) =>
    !path.includes(join('app', 'api', 'mcp')) && !path.includes('node_modules')
  for (const part of ['app', 'lib', 'tsconfig.json']) {
    cpSync(join(fixture, part), join(app.dir, part), { recursive: true, filter: copied })
  }
  let built = true
  try {
    execFileSync(join(app.dir, 'node_modules/.bin/next'), ['build'], {
      cwd: app.dir,
      encoding: 'utf8',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  } catch (error) {
    built = false
    check('next build (Next 14.2, React 18)', false, `${error.stdout ?? ''}${error.stderr ?? ''}`)
  }
  if (built) {
    check('next build (Next 14.2, React 18), type checks included', true)
    server = await startNext(app.dir)
    const page = await fetch(server.url)
    const html = await page.text()
    check(
      'the page renders (FlowgladProvider and useBilling, server-side)',
      page.status === 200 && html.includes('Loading billing'),
      `${page.status} ${html.slice(0, 500)}`,
    )
    const answer = await fetch(`${server.url}/api/flowglad/not-an-action`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user-id': 'user_1' },
      body: '{}',
    })
    const body = await answer.json().catch(() => null)
    check(
      'the route handler answers with its envelope (404 not_found for an unknown action)',
      answer.status === 404 && body?.data === null && body?.error?.code === 'not_found',
      `${answer.status} ${JSON.stringify(body)}\n${server.logs().slice(-1500)}`,
    )
  }
} catch (error) {
  check('pack, install and run the Next 14 app', false, error?.stderr ?? error?.stack ?? error)
} finally {
  await server?.close()
  app?.remove()
}
finish()
