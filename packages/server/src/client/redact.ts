export const redactedMarker = '[redacted]'

function redactText(text: string, secret: string): string {
  return text.includes(secret) ? text.split(secret).join(redactedMarker) : text
}

/**
 * A copy of `value` with every occurrence of `secret` replaced, in strings and object keys at
 * any depth. Iterative (an API answer may nest deeper than the call stack) and cycle-safe.
 */
export function redactSecret<T>(value: T, secret: string | undefined): T {
  if (!secret) return value
  if (typeof value === 'string') return redactText(value, secret) as T
  if (typeof value !== 'object' || value === null) return value
  const copies = new Map<object, unknown>()
  const copyOf = (node: object): unknown => {
    let copy = copies.get(node)
    if (copy === undefined) {
      copy = Array.isArray(node) ? [] : {}
      copies.set(node, copy)
      pending.push([node, copy as Record<string, unknown>])
    }
    return copy
  }
  const pending: [object, Record<string, unknown>][] = []
  const root = copyOf(value)
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [source, target] = next
    for (const [key, child] of Object.entries(source)) {
      const redacted =
        typeof child === 'string'
          ? redactText(child, secret)
          : typeof child === 'object' && child !== null
            ? copyOf(child)
            : child
      target[Array.isArray(source) ? key : redactText(key, secret)] = redacted
    }
  }
  return root as T
}
