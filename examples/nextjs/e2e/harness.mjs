// A tiny sequential test harness for the browser suite: named steps, each a test; a failed
// step stops the scenario (later steps depend on it) and counts the rest as not run = failed.
export function createHarness() {
  const steps = []
  return {
    step(name, run) {
      steps.push({ name, run })
    },
    async run(context) {
      let passed = 0
      let failed = 0
      let broken = false
      for (const { name, run } of steps) {
        if (broken) {
          failed += 1
          console.log(`  - ${name} (not run: an earlier step failed)`)
          continue
        }
        try {
          await run(context)
          passed += 1
          console.log(`  ✓ ${name}`)
        } catch (error) {
          failed += 1
          broken = true
          console.log(
            `  ✗ ${name}\n    ${String(error?.stack ?? error)
              .split('\n')
              .slice(0, 8)
              .join('\n    ')}`,
          )
        }
      }
      return { passed, failed }
    },
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message)
}

export function assertEqual(actual, expected, message) {
  if (actual !== expected)
    throw new Error(
      `${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
    )
}
