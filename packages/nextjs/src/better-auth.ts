// `@flowglad/nextjs/better-auth`: the Better Auth plugin of `@flowglad/server/better-auth`, for
// Next.js apps that install only this package (`better-auth` is an optional peer of both).
export * from '@flowglad/server/better-auth'
