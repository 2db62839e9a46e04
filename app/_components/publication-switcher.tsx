"use client";
import { usePathname } from "next/navigation";
import {
  PUBLICATION_SCOPE_COOKIE,
  type PublicationScopeView,
  pathAfterPublicationSwitch,
} from "@/lib/schemas/publication-scope";
import { setPreferenceCookie } from "./preference-cookie";

/**
 * The header's publication switcher: every dashboard, the queue, the log, search, names and exports show the
 * chosen publication (or all of them). Shown once there is more than one publication. A change reloads the
 * page whole, so nothing cached from the old scope survives.
 */
export function PublicationSwitcher({ view }: { view: PublicationScopeView }) {
  const pathname = usePathname();
  if (view.publications.length < 2) return null;
  const choose = (value: string) => {
    setPreferenceCookie(PUBLICATION_SCOPE_COOKIE, value || null);
    window.location.assign(pathAfterPublicationSwitch(pathname));
  };
  return (
    <select
      className="publication-switcher"
      aria-label="Publication shown"
      value={view.current ? String(view.current.id) : ""}
      onChange={(e) => choose(e.target.value)}
    >
      <option value="">All publications</option>
      {view.publications.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  );
}
