import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

// Static half of the edge check: every module the core reaches may import only relative
// files, @flowglad/shared's zod-free core and nanoid's pure alphabet — never `node:` or a Node
// builtin (nor the full @flowglad/shared entry, which loads zod).
const allowedPackages = new Set(['@flowglad/shared/core', 'nanoid/url-alphabet'])
const handlerDir = new URL('.', import.meta.url).pathname

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

function importsOf(source: string): string[] {
  const specifiers = source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)
  return [...specifiers].map((match) => match[1] as string)
}

describe('handler folder is edge-safe', () => {
  const files = sourceFiles(handlerDir)

  it('finds the core and every action file', () => {
    const names = files.map((file) => relative(handlerDir, file))
    expect(names).toEqual(
      expect.arrayContaining(['create-flowglad-handler.ts', 'actions/index.ts', 'types.ts']),
    )
    expect(files.length).toBeGreaterThanOrEqual(15)
  })

  it.each(
    files.map((file) => [relative(handlerDir, file), file]),
  )('%s imports nothing Node-only', (_name, file) => {
    const foreign = importsOf(readFileSync(file, 'utf8')).filter(
      (specifier) => !specifier.startsWith('.') && !allowedPackages.has(specifier),
    )
    expect(foreign).toEqual([])
  })
})
