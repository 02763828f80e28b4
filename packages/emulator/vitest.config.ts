import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'emulator',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    // `globalThis.gc` lets a test prove that a hung (timeout-fault) request survives collection.
    execArgv: ['--expose-gc'],
  },
})
