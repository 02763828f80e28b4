import { badRequest } from '../errors.js'
import { applySeed } from '../seed/apply.js'
import { demoSeed } from '../seed/demo.js'
import { parseSeed, type SeedInput } from '../seed/format.js'
import type { State } from '../store/state.js'
import { applyPricingModel } from './apply.js'
import { parsePricingModel } from './normalise.js'
import type { PricingFileInput } from './schema.js'

/**
 * Validates the pricing an emulator starts with (a pricing file's data, else a JSON seed,
 * else the demo seed) once, and returns what writes it into a fresh state (at start and on
 * every reset). A pricing file loaded this way is the default model whatever its
 * `isDefault` says: new customers need one.
 */
export function initialPricing(options: {
  seed?: SeedInput
  pricingModel?: PricingFileInput
}): (state: State, now: number) => void {
  if (options.seed !== undefined && options.pricingModel !== undefined) {
    throw badRequest('Pass either seed or pricingModel, not both')
  }
  if (options.pricingModel !== undefined) {
    const spec = parsePricingModel(options.pricingModel)
    return (state, now) => {
      applyPricingModel(state, now, spec, { asDefault: true })
    }
  }
  const seed = parseSeed(options.seed ?? demoSeed)
  return (state, now) => {
    applySeed(state, seed, now)
  }
}
