/**
 * A copy of `value` with every occurrence of `secret` replaced, in strings and object keys at
 * any depth. Iterative (an API answer may nest deeper than the call stack) and cycle-safe.
 */
export function redactSecret<T>(value: T, secret: string | undefined): T {
  if (!secret) return value
  const copies = new Map<object, Record<string, unknown>>()
  const pending: object[] = []
  // A string redacted, an object's (empty, filled below) copy, anything else as it is.
  const redact = (node: unknown): unknown => {
    if (typeof node === 'string') return node.replaceAll(secret, '[redacted]')
    if (typeof node !== 'object' || node === null) return node
    let copy = copies.get(node)
    if (copy === undefined) {
      copy = (Array.isArray(node) ? [] : {}) as Record<string, unknown>
      copies.set(node, copy)
      pending.push(node)
    }
    return copy
  }
  const root = redact(value)
  for (let source = pending.pop(); source !== undefined; source = pending.pop()) {
    const target = copies.get(source) as Record<string, unknown>
    for (const [key, child] of Object.entries(source)) {
      target[Array.isArray(source) ? key : (redact(key) as string)] = redact(child)
    }
  }
  return root as T
}
