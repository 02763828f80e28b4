/** A stand-in for the app database the seed examples read users from. */
export const db = {
  users: {
    findOne: async ({ id }: { id: string }) => ({
      id,
      email: `${id}@example.com`,
      name: `User ${id}`,
    }),
  },
}
