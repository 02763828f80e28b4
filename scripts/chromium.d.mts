import type { Browser, LaunchOptions } from 'playwright-core'

export declare const CHROMIUM_FLAGS: readonly string[]
export declare function findChromium(env?: Record<string, string | undefined>): Promise<{
  executablePath: string
  source: 'CHROMIUM_PATH' | 'installed' | '@sparticuz/chromium'
}>
export declare function launchChromium(
  options?: LaunchOptions,
): Promise<Browser & { chromiumSource: string }>
