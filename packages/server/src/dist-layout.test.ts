import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { isAbsolute } from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import pkg from '../package.json' with { type: 'json' }

// The built files as an app loads them (run `pnpm --filter @flowglad/server build` first).
const distFile = (path: string) => new URL(`../${path}`, import.meta.url)
const formats = ['import', 'require'] as const
const entriesOf = (format: (typeof formats)[number]) =>
  Object.entries(pkg.exports).flatMap(([subpath, target]) =>
    typeof target === 'string' ? [] : [{ subpath, file: target[format].default }],
  )
const allEntries = formats.flatMap(entriesOf)
const relativeImport = /(?:from\s*|import\s*\(?\s*|require\(\s*)["']\.\.?\//
const requireDist = createRequire(distFile('dist/index.cjs'))

describe('dist layout (cold start)', () => {
  it('the main entry is one self-contained file per format: a cold load reads nothing else', () => {
    for (const file of ['dist/index.js', 'dist/index.cjs']) {
      const main = readFileSync(distFile(file), 'utf8')
      expect(main, file).not.toMatch(relativeImport)
      expect(main, file).not.toMatch(/(?:from\s*|require\()["']standardwebhooks["']/)
    }
  })

  it('entries are minified, keeping pure annotations and every public name', async () => {
    // scripts/minify-for-cold-start.ts: compile time follows bytes; apps' bundlers need the annotations.
    for (const { subpath, file } of allEntries) {
      const source = readFileSync(distFile(file), 'utf8')
      expect(source.split('\n').length, `${subpath} ${file}`).toBeLessThanOrEqual(2)
    }
    const main = readFileSync(distFile('dist/index.js'), 'utf8')
    expect(main.match(/\/\* @__PURE__ \*\//g)?.length).toBeGreaterThan(20)
    const esm: Record<string, unknown> = await import(distFile('dist/index.js').href)
    const cjs: Record<string, unknown> = requireDist('./index.cjs')
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort())
    for (const exported of [esm, cjs]) {
      for (const [name, value] of Object.entries(exported)) {
        if (typeof value === 'function') expect(value.name, name).toBe(name)
      }
    }
  })

  it('ships source maps: stack traces of the minified entries point into the sources', () => {
    for (const { file } of allEntries) {
      const map = JSON.parse(readFileSync(distFile(`${file}.map`), 'utf8'))
      // Relative paths, with their text: nothing of the machine that built them.
      const absolute = map.sources.filter((source: string) =>
        isAbsolute(source.replace(/^[\w-]+:/, '')),
      )
      expect(absolute, file).toEqual([])
      const packageRoot = distFile('').pathname.replace(/\/$/, '')
      const mentioning = map.sourcesContent.filter((text: string) => text.includes(packageRoot))
      expect(mentioning, file).toEqual([])
      expect(map.sourcesContent.length, file).toBe(map.sources.length)
    }
    const loaders = {
      esm: {
        flags: ['--input-type=module'],
        load: "import { FlowgladServer } from '@flowglad/server'",
      },
      cjs: { flags: [], load: "const { FlowgladServer } = require('@flowglad/server')" },
    }
    for (const [format, { flags, load }] of Object.entries(loaders)) {
      const script = `${load}\ntry { new FlowgladServer({}) } catch (error) { console.log(error.stack) }`
      const stack = execFileSync(
        process.execPath,
        ['--enable-source-maps', ...flags, '-e', script],
        {
          cwd: distFile('').pathname,
          encoding: 'utf8',
        },
      )
      expect(stack, format).toMatch(/at new CustomerSession \(.*src\/server\/session\.ts:\d+:\d+\)/)
      expect(stack, format).toMatch(
        /at new FlowgladServer \(.*src\/server\/flowglad-server\.ts:\d+/,
      )
    }
  })

  it('subpath entries take public classes and the handler from the main entry, not copies', async () => {
    const main: Record<string, unknown> = await import(distFile('dist/index.js').href)
    // Functions and classes (a private helper may keep its own copy of a public constant).
    const publicNames = Object.keys(main).filter((name) => typeof main[name] === 'function')
    for (const { subpath, file } of allEntries) {
      if (subpath === '.') continue
      const source = readFileSync(distFile(file), 'utf8')
      expect(source, file).not.toMatch(relativeImport)
      const copies = publicNames.filter((name) =>
        new RegExp(`(?:var|let|const|function|class) ${name}\\b`).test(source),
      )
      expect(copies, file).toEqual([])
    }
  })

  it('an app bundling FlowgladServer leaves the webhook HMAC out', async () => {
    const result = await build({
      stdin: {
        contents: "export { FlowgladServer } from './index.js'",
        resolveDir: distFile('dist').pathname,
        loader: 'js',
      },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      logLevel: 'silent',
    })
    const text = result.outputFiles[0]?.text ?? ''
    expect(text).toContain('var FlowgladServer = class')
    expect(text).not.toContain('function hmacSha256')
    expect(text).not.toContain('function verifyWebhook')
  })
})
