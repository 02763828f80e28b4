import type { NextRequest } from 'next/server'

/** The app's own auth (here: a header); typed with this app's `NextRequest`. */
export const getCustomerExternalId = async (req: NextRequest) =>
  req.headers.get('x-user-id') ?? 'anonymous'
