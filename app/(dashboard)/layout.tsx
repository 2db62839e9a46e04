import Link from "next/link";
import type { ReactNode } from "react";
import { can } from "@/lib/server/permissions";
import { requirePageViewer } from "@/lib/server/session";
import { SignOutButton } from "../_components/sign-out-button";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePageViewer("read");
  return (
    <div className="shell">
      <header className="topbar">
        <Link href="/" className="brand">
          Marginalia
        </Link>
        <nav className="nav" aria-label="Main">
          <Link href="/">Overview</Link>
          <Link href="/compare">Compare</Link>
          {can(viewer, "moderate") && <Link href="/moderation">Moderation</Link>}
          {can(viewer, "administer") && <Link href="/imports">Imports</Link>}
          {can(viewer, "administer") && <Link href="/settings">Settings</Link>}
          {can(viewer, "administer") && <Link href="/users">Users</Link>}
        </nav>
        <div className="who">
          <span>
            {viewer.name} · {viewer.role.toLowerCase()}
          </span>
          <SignOutButton />
        </div>
      </header>
      <main>{children}</main>
    </div>
  );
}
