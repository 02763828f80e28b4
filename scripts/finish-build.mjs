// After tsup (JS) and tsc (declarations): make the CommonJS half self-consistent.
// - dist/**/*.cjs: relative `require("./x.js")` -> `require("./x.cjs")`
// - dist/**/*.d.ts: copied to .d.cts with relative `./x.js` specifiers -> `./x.cjs`
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const dist = join(process.cwd(), 'dist')
const relativeJs = /(["'])(\.{1,2}\/[^"']+?)\.js\1/g

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

for (const file of walk(dist)) {
  if (file.endsWith('.cjs')) {
    const text = readFileSync(file, 'utf8')
    writeFileSync(file, text.replace(relativeJs, '$1$2.cjs$1'))
  } else if (file.endsWith('.d.ts')) {
    const text = readFileSync(file, 'utf8')
    writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), text.replace(relativeJs, '$1$2.cjs$1'))
  }
}
