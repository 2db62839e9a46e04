import { mySubscriptionInputSchema } from "@/lib/schemas/notifications";
import { publicationIdParamsSchema } from "@/lib/schemas/route-params";
import { route } from "@/lib/server/api";
import { getMySubscription, saveMySubscription } from "@/lib/server/notifications/subscriptions";

export const dynamic = "force-dynamic";

/** GET: what reaches the signed-in author or moderator from this publication, by e-mail to their address. */
export const GET = route(
  { capability: "moderate", params: publicationIdParamsSchema },
  async ({ viewer, params }) => getMySubscription(viewer, params.publicationId),
);

/** PUT: choose it. */
export const PUT = route(
  { capability: "moderate", params: publicationIdParamsSchema, body: mySubscriptionInputSchema },
  async ({ viewer, params, body }) => saveMySubscription(viewer, params.publicationId, body.kinds),
);
