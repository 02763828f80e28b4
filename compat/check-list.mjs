// The compat scripts' report: one `ok` / `not ok` line per check (a failure's detail below it,
// whole), then `N passed, N failed` (the line the test command reads) and the exit code.
export function checkList() {
  const results = []
  return {
    check(name, ok, detail) {
      results.push(ok)
      console.log(`${ok ? 'ok' : 'not ok'} ${name}`)
      if (!ok && detail !== undefined) console.log(String(detail).trim())
    },
    finish() {
      const passed = results.filter(Boolean).length
      console.log(`${passed} passed, ${results.length - passed} failed`)
      process.exit(results.length > 0 && results.every(Boolean) ? 0 : 1)
    },
  }
}
