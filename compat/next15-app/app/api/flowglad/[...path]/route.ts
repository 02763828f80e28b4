import { nextRouteHandler } from '@flowglad/nextjs/server'
import { getCustomerExternalId } from '../../../../lib/auth'
import { flowglad } from '../../../../lib/flowglad'

export const { GET, POST } = nextRouteHandler({ flowglad, getCustomerExternalId })
