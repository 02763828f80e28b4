// The list of test projects; the root vitest.config.ts reads it as `test.projects`.
export default [
  'packages/shared',
  'packages/server',
  'packages/react',
  'packages/nextjs',
  'packages/emulator',
]
