import type { ActionHandler } from '../types.js'

// `resources/*`: claimable capacity of a subscription. `FlowgladServer` resolves the
// subscription (the only current one, else the given id, which must be the customer's: 403
// `forbidden`, nothing sent) and answers as upstream's routes do.

export const getResourceUsages: ActionHandler<'resources/usages'> = (input, { flowglad }) =>
  flowglad.getResourceUsages(input)

export const getResourceUsage: ActionHandler<'resources/usages/retrieve'> = (input, { flowglad }) =>
  flowglad.getResourceUsage(input)

export const claimResource: ActionHandler<'resources/claim'> = (input, { flowglad }) =>
  flowglad.claimResource(input)

export const releaseResource: ActionHandler<'resources/release'> = (input, { flowglad }) =>
  flowglad.releaseResource(input)

export const listResourceClaims: ActionHandler<'resources/claims'> = (input, { flowglad }) =>
  flowglad.listResourceClaims(input)
