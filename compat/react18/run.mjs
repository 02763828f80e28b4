// An app on React 18 (our peer range, like upstream's, includes it; the workspace itself runs 19):
// @flowglad/shared and @flowglad/react packed and installed with npm next to React 18 in a
// scratch folder (see ../packed-app.mjs), where probe.mjs renders the provider; this checks what
// it saw. Prints one line per check and `N passed, N failed`.
import { execFileSync } from 'node:child_process'
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkList } from '../check-list.mjs'
import { packedApp } from '../packed-app.mjs'

const { check, finish } = checkList()
let app
try {
  app = packedApp(
    'react18-app',
    ['shared', 'react'],
    ['react@18.3.1', 'react-dom@18.3.1', 'happy-dom@21.0.4'],
  )
  copyFileSync(new URL('probe.mjs', import.meta.url), join(app.dir, 'probe.mjs'))
  const output = execFileSync(process.execPath, ['probe.mjs'], {
    cwd: app.dir,
    encoding: 'utf8',
    timeout: 60_000,
  })
  const seen = JSON.parse(output.trim().split('\n').at(-1))
  check(`the app runs React ${seen.react}`, seen.react.startsWith('18.'), seen.react)
  check('the provider renders on the server', seen.serverHtml === '<p>loading</p>', seen.serverHtml)
  check(
    'in the browser, billing loads through the app route',
    seen.clientHtml === '<p>loaded ada@example.com</p>' &&
      seen.requests[0]?.action === 'customers/billing',
    JSON.stringify(seen),
  )
  const sent = seen.requests.find((request) => request.action === 'usage-events/create')
  check(
    'createUsageEvent posts the event (with a transactionId) and returns its id',
    seen.usageEvent?.usageEvent?.id === 'usage_event_1' &&
      sent?.body.usageMeterSlug === 'tokens' &&
      sent?.body.amount === 3 &&
      typeof sent?.body.transactionId === 'string',
    JSON.stringify(seen),
  )
} catch (error) {
  check('pack, install and run the React 18 app', false, error?.stderr ?? error?.stack ?? error)
} finally {
  app?.remove()
}
finish()
