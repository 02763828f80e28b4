import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'server',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    // Opens a loopback broker only; PostgreSQL starts when a postgres test first asks for it.
    globalSetup: ['test/postgres/global-setup.ts'],
  },
})
