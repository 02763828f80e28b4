import { nextRouteHandler } from '@flowglad/nextjs/server'
import { flowglad } from '../../../../../next15-app/lib/flowglad'
import { getCustomerExternalId } from '../../../../lib/auth'

export const { GET, POST } = nextRouteHandler({ flowglad, getCustomerExternalId })
