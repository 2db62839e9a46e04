import "server-only";
import { cookies } from "next/headers";
import { NextRequest } from "next/server";
import { cache } from "react";
import { db } from "@/lib/db/client";
import {
  PUBLICATION_SCOPE_COOKIE,
  type PublicationChoice,
  type PublicationScopeView,
  publicationScopeCookieSchema,
} from "@/lib/schemas/publication-scope";

/** Every publication, by name: what the switcher offers. */
const listPublicationChoices = cache(() =>
  db().publication.findMany({ select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
);

/**
 * The publication the switcher's cookie names; undefined for every publication (no cookie, a malformed one,
 * or one naming a publication that no longer exists).
 */
const existingPublicationId = cache(async (cookieValue: string | undefined): Promise<number | undefined> => {
  const parsed = publicationScopeCookieSchema.safeParse(cookieValue);
  if (!parsed.success) return undefined;
  const found = await db().publication.findUnique({ where: { id: parsed.data }, select: { id: true } });
  return found?.id;
});

/** The publication a page (a server component) is scoped to: the switcher's choice, undefined for all. */
export async function pagePublicationId(): Promise<number | undefined> {
  return existingPublicationId((await cookies()).get(PUBLICATION_SCOPE_COOKIE)?.value);
}

/**
 * The publication an API request is scoped to: the one it names explicitly (its `publicationId` or
 * `publication` parameter), else the switcher's cookie it carries, else undefined (every publication).
 */
export async function requestPublicationId(request: Request, explicit?: number): Promise<number | undefined> {
  if (explicit !== undefined) return explicit;
  return existingPublicationId(new NextRequest(request).cookies.get(PUBLICATION_SCOPE_COOKIE)?.value);
}

/** The switcher's choices and the publication in scope, for pages. */
export async function publicationScopeView(): Promise<PublicationScopeView> {
  const [publications, currentId] = await Promise.all([listPublicationChoices(), pagePublicationId()]);
  return { publications, current: publications.find((p) => p.id === currentId) ?? null };
}

/** One publication's id and name; null when there is none with that id. */
export async function getPublicationChoice(id: number): Promise<PublicationChoice | null> {
  return db().publication.findUnique({ where: { id }, select: { id: true, name: true } });
}
