import Link from "next/link";
import type { ReactNode } from "react";
import { can } from "@/lib/server/permissions";
import { publicationScopeView } from "@/lib/server/publication-scope";
import { requirePageViewer } from "@/lib/server/session";
import { HeaderSearch } from "../_components/header-search";
import { PublicationSwitcher } from "../_components/publication-switcher";
import { SignOutButton } from "../_components/sign-out-button";
import { type NavLink, SkipLinks, TopNav } from "../_components/top-nav";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePageViewer("read");
  const scope = await publicationScopeView();
  const links: NavLink[] = [
    { href: "/", label: "Overview" },
    { href: "/compare", label: "Compare" },
    { href: "/entities", label: "Names" },
    ...(can(viewer, "moderate")
      ? [
          { href: "/moderation", label: "Moderation" },
          { href: "/notifications", label: "Notifications" },
        ]
      : []),
    ...(can(viewer, "administer")
      ? [
          { href: "/imports", label: "Imports" },
          { href: "/settings", label: "Settings" },
          { href: "/users", label: "Users" },
        ]
      : []),
  ];
  return (
    <div className="shell">
      <SkipLinks />
      <header className="topbar">
        <Link href="/" className="brand">
          Marginalia
        </Link>
        <TopNav
          links={links}
          account={
            <>
              <PublicationSwitcher view={scope} />
              <HeaderSearch />
              <span>
                {viewer.name} · {viewer.role.toLowerCase()}
              </span>
              <SignOutButton />
            </>
          }
        />
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
