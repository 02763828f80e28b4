import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

/** The copy vendored in the repository: `<repoRoot>/spec/flowglad-openapi.json`. */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const documentPath = resolve(repoRoot, 'spec/flowglad-openapi.json')

interface Parameter {
  in: string
  name: string
  required?: boolean
}
interface Operation {
  parameters?: Parameter[]
  requestBody?: { content?: { 'application/json'?: { schema?: object } } }
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>
  components: Record<string, unknown>
}

const document = JSON.parse(readFileSync(documentPath, 'utf8')) as OpenApiDocument
const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats(ajv)
const compiled = new Map<string, ValidateFunction | null>()

/** The path template for a concrete path: literal segments beat `{param}` segments. */
export function findOperation(method: string, path: string): { template: string; op: Operation } {
  const segments = path.split('/')
  const candidates = Object.keys(document.paths).filter((template) => {
    const parts = template.split('/')
    return (
      parts.length === segments.length &&
      parts.every((part, i) => part.startsWith('{') || part === segments[i]) &&
      document.paths[template]?.[method.toLowerCase()] !== undefined
    )
  })
  const paramCount = (template: string) => template.split('{').length
  candidates.sort((a, b) => paramCount(a) - paramCount(b))
  const template = candidates[0]
  if (!template) throw new Error(`No OpenAPI operation for ${method} ${path}`)
  return { template, op: document.paths[template]?.[method.toLowerCase()] as Operation }
}

/**
 * Validates a request body against the operation's requestBody schema, `$ref`s resolved into
 * `components`. Returns the ajv errors as text (empty when valid). An operation without a
 * requestBody schema accepts only an empty object or no body.
 */
export function requestBodyErrors(method: string, path: string, body: unknown): string[] {
  const { template, op } = findOperation(method, path)
  const key = `${method} ${template}`
  if (!compiled.has(key)) {
    const schema = op.requestBody?.content?.['application/json']?.schema
    compiled.set(key, schema ? ajv.compile({ ...schema, components: document.components }) : null)
  }
  const validate = compiled.get(key)
  if (!validate) {
    const empty =
      body === undefined ||
      (typeof body === 'object' && body !== null && Object.keys(body).length === 0)
    return empty ? [] : [`${key} takes no request body`]
  }
  if (validate(body)) return []
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`)
}

/**
 * Checks a call's query string against the operation's declared query parameters: every key sent
 * must be declared, every required one present. Returns the problems as text (empty when valid).
 */
export function queryErrors(method: string, path: string, query: Record<string, string>): string[] {
  const { template, op } = findOperation(method, path)
  const declared = (op.parameters ?? []).filter((parameter) => parameter.in === 'query')
  const names = new Set(declared.map((parameter) => parameter.name))
  const unknown = Object.keys(query)
    .filter((name) => !names.has(name))
    .map((name) => `${method} ${template} declares no query parameter "${name}"`)
  const missing = declared
    .filter((parameter) => parameter.required && !(parameter.name in query))
    .map((parameter) => `${method} ${template} requires query parameter "${parameter.name}"`)
  return [...unknown, ...missing]
}
