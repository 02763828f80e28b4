import { fileURLToPath } from 'node:url'
import { defineProject } from 'vitest/config'

export default defineProject({
  // The seed example imports the package by name; tests run it against the sources.
  resolve: {
    alias: { '@flowglad/react': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  test: { name: 'react', include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'] },
})
