// Packaging checks for every published package: the exports map's shape and its folder shims,
// publint --strict, attw (node10, node16, bundler), and a real plain-Node ESM import and CJS
// require of each entry.
// Prints one line per check and closes with `N passed, N failed`.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { subpathShims } from './subpath-shims.mjs'

const root = new URL('..', import.meta.url).pathname
const packagesDir = join(root, 'packages')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const results = []

function check(name, run) {
  try {
    run()
    results.push(true)
    console.log(`  ✓ ${name}`)
  } catch (error) {
    results.push(false)
    const output = [error.stdout, error.stderr, error.message].filter(Boolean).join('\n')
    console.log(`  ✗ ${name}\n${String(output).split('\n').slice(0, 12).join('\n')}`)
  }
}

/** `sideEffects: false`, `./package.json` exported, and types + default per condition per entry. */
function checkExportsMap(pkg) {
  const problems = []
  if (pkg.sideEffects !== false) problems.push('sideEffects is not false')
  if (pkg.exports?.['./package.json'] !== './package.json')
    problems.push('./package.json is not exported')
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    if (subpath === './package.json') continue
    for (const condition of ['import', 'require']) {
      const entry = target?.[condition]
      if (typeof entry?.types !== 'string' || typeof entry?.default !== 'string')
        problems.push(`${subpath} lacks ${condition}.types / ${condition}.default`)
    }
  }
  if (problems.length > 0) throw new Error(problems.join('; '))
}

/** Every subpath's folder shim exists, matches the exports map and is published. */
function checkShims(pkgDir, pkg) {
  const problems = []
  for (const { folder, text } of subpathShims(pkgDir)) {
    const file = join(pkgDir, folder, 'package.json')
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text)
      problems.push(`${folder}/package.json is missing or stale (node scripts/subpath-shims.mjs)`)
    if (!pkg.files?.includes(folder)) problems.push(`files does not list ${folder}`)
  }
  if (problems.length > 0) throw new Error(problems.join('; '))
}

function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

for (const dir of readdirSync(packagesDir).sort()) {
  const pkgDir = join(packagesDir, dir)
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
  console.log(pkg.name)
  check(`${pkg.name}: exports map (types/import/require per entry), sideEffects false`, () =>
    checkExportsMap(pkg),
  )
  check(`${pkg.name}: a folder shim per subpath, for resolvers without exports`, () =>
    checkShims(pkgDir, pkg),
  )
  check(`${pkg.name}: publint --strict`, () => {
    // npm packs like attw does; pnpm may not be on PATH when the test command ran it through npx.
    const out = run(bin('publint'), ['--strict', '--pack', 'npm'], pkgDir)
    if (!/All good/.test(out))
      throw Object.assign(new Error('publint reported problems'), { stdout: out })
  })
  check(`${pkg.name}: attw --pack (node10, node16, bundler)`, () => {
    // The default (strict) profile: moduleResolution "node" must find every subpath too.
    run(bin('attw'), ['--pack', '.', '--format', 'table-flipped'], pkgDir)
  })
  for (const subpath of Object.keys(pkg.exports)) {
    if (subpath === './package.json') continue
    const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`
    check(`${specifier}: plain Node ESM import`, () => {
      run(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const m = await import('${specifier}'); if (Object.keys(m).length === 0) throw new Error('no exports')`,
        ],
        pkgDir,
      )
    })
    check(`${specifier}: plain Node CJS require`, () => {
      run(
        process.execPath,
        [
          '-e',
          `const m = require('${specifier}'); if (Object.keys(m).length === 0) throw new Error('no exports')`,
        ],
        pkgDir,
      )
    })
  }
}

const passed = results.filter(Boolean).length
console.log(`${passed} passed, ${results.length - passed} failed`)
process.exit(results.every(Boolean) ? 0 : 1)
