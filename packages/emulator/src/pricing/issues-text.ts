import type { Issue } from '../errors.js'

/** `products[1].features[0]` for `['products', 1, 'features', 0]` (the top level is `(root)`). */
export function issuePath(path: Issue['path']): string {
  let out = ''
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part
  return out || '(root)'
}

/** Every issue on its own line, path first: the CLI's one message for a bad pricing file. */
export function describeIssues(issues: readonly Issue[]): string {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`
  return [count, ...issues.map((issue) => `  ${issuePath(issue.path)}: ${issue.message}`)].join(
    '\n',
  )
}
