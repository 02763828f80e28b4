// Folder shims for resolvers that ignore `exports` (TypeScript's moduleResolution "node",
// webpack 4): `@flowglad/nextjs/server` is then the folder `server/`, whose package.json points
// at the same files the exports map does (upstream ships this one too). Derived from the
// exports map: `node scripts/subpath-shims.mjs` rewrites them; check-packages.mjs fails when a
// shim is missing, stale, or left out of `files`.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

/** Each subpath's folder and the package.json text it should hold. */
export function subpathShims(pkgDir) {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
  return Object.entries(pkg.exports ?? {})
    .filter(([subpath, target]) => subpath !== '.' && typeof target === 'object')
    .map(([subpath, target]) => {
      const folder = subpath.slice(2)
      const from = (file) => relative(join(pkgDir, folder), join(pkgDir, file))
      const shim = {
        main: from(target.require.default),
        module: from(target.import.default),
        types: from(target.require.types),
      }
      return { folder, text: `${JSON.stringify(shim, null, 2)}\n` }
    })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const packagesDir = new URL('../packages/', import.meta.url).pathname
  for (const dir of readdirSync(packagesDir)) {
    for (const { folder, text } of subpathShims(join(packagesDir, dir))) {
      mkdirSync(join(packagesDir, dir, folder), { recursive: true })
      writeFileSync(join(packagesDir, dir, folder, 'package.json'), text)
      console.log(`packages/${dir}/${folder}/package.json`)
    }
  }
}
