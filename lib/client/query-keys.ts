/** Every React Query key comes from here: never inline string keys. */
export const queryKeys = {
  imports: {
    all: ["imports"] as const,
    list: () => [...queryKeys.imports.all, "list"] as const,
    run: (runId: number) => [...queryKeys.imports.all, "run", runId] as const,
  },
  posts: {
    all: ["posts"] as const,
    list: () => [...queryKeys.posts.all, "list"] as const,
  },
  moderation: {
    all: ["moderation"] as const,
    queue: (tab: string) => [...queryKeys.moderation.all, "queue", tab] as const,
    counts: () => [...queryKeys.moderation.all, "counts"] as const,
    commenter: (commenterId: number) => [...queryKeys.moderation.all, "commenter", commenterId] as const,
    postFlags: () => [...queryKeys.moderation.all, "post-flags"] as const,
    log: (filters: Record<string, string>) => [...queryKeys.moderation.all, "log", filters] as const,
  },
  settings: {
    all: ["settings"] as const,
    moderation: (publicationId: number) => [...queryKeys.settings.all, "moderation", publicationId] as const,
    notifications: (publicationId: number) =>
      [...queryKeys.settings.all, "notifications", publicationId] as const,
  },
  /** Learning from corrections: a publication's refitted models. */
  publicationModels: {
    all: ["publication-models"] as const,
    list: (publicationId: number) => [...queryKeys.publicationModels.all, publicationId] as const,
  },
  users: {
    all: ["users"] as const,
    list: () => [...queryKeys.users.all, "list"] as const,
  },
  /** The post page: every figure, list and thread page of a post sits under post.all(postId). */
  post: {
    all: (postId: number) => ["post", postId] as const,
    figure: (postId: number, figure: string, filters: Record<string, string | undefined>) =>
      [...queryKeys.post.all(postId), "figure", figure, filters] as const,
    readingList: (postId: number, list: string, filters: Record<string, string | undefined>) =>
      [...queryKeys.post.all(postId), "reading-list", list, filters] as const,
    thread: (postId: number, filters: Record<string, string | undefined>) =>
      [...queryKeys.post.all(postId), "thread", filters] as const,
  },
  overview: {
    all: ["overview"] as const,
    posts: (range: Record<string, string | undefined>) =>
      [...queryKeys.overview.all, "posts", range] as const,
    headline: (range: Record<string, string | undefined>) =>
      [...queryKeys.overview.all, "headline", range] as const,
    agreement: () => [...queryKeys.overview.all, "agreement"] as const,
    compare: (postIds: readonly number[]) => [...queryKeys.overview.all, "compare", postIds] as const,
  },
  commenterProfile: {
    all: (commenterId: number) => ["commenter-profile", commenterId] as const,
    comments: (commenterId: number) => [...queryKeys.commenterProfile.all(commenterId), "comments"] as const,
  },
};
