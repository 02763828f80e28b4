import { describe, expect, it } from 'vitest'
import { findChromium } from '../../../scripts/chromium.mjs'

// The browser suites get their Chromium from scripts/chromium.mjs; its order of preference
// decides whether a fresh machine with no browser can run them.
describe('findChromium', () => {
  it('prefers CHROMIUM_PATH when it exists', async () => {
    const found = await findChromium({ CHROMIUM_PATH: process.execPath })
    expect(found).toEqual({ executablePath: process.execPath, source: 'CHROMIUM_PATH' })
  })

  it('refuses a CHROMIUM_PATH that does not exist instead of silently using another browser', async () => {
    await expect(findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).rejects.toThrow(
      /CHROMIUM_PATH=\/nonexistent\/chromium does not exist/,
    )
  })

  it('finds a browser with no CHROMIUM_PATH (installed, else the npm-packaged build)', async () => {
    const found = await findChromium({})
    expect(['installed', '@sparticuz/chromium']).toContain(found.source)
    expect(found.executablePath).toMatch(/^\//)
  })
})
