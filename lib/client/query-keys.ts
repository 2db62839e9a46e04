/** Every React Query key comes from here: never inline string keys. */
export const queryKeys = {
  posts: {
    all: ["posts"] as const,
    list: () => [...queryKeys.posts.all, "list"] as const,
  },
};
