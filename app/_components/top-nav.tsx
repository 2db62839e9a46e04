"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useId, useState } from "react";

export interface NavLink {
  href: string;
  label: string;
}

/** A link is current on its own page and below it (/moderation/log is under Moderation). */
function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The main menu: a row of links on wide screens; on narrow ones a "Menu" button shows and hides the links
 * and the account controls (closed again after navigating, or with Escape).
 */
export function TopNav({ links, account }: { links: NavLink[]; account: ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the menu whenever the page changes
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <>
      <button
        type="button"
        className="nav-toggle"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">☰ </span>Menu
      </button>
      <div id={menuId} className="topbar-menu" data-open={open}>
        <nav className="nav" aria-label="Main">
          {links.map((l) => (
            <Link key={l.href} href={l.href} aria-current={isCurrent(pathname, l.href) ? "page" : undefined}>
              {l.label}
            </Link>
          ))}
        </nav>
        <div className="who">{account}</div>
      </div>
    </>
  );
}

/** Skip links, first in the tab order: to the main content, and to the thread on a post page. */
export function SkipLinks() {
  const pathname = usePathname();
  return (
    <div className="skip-links">
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      {/^\/posts\/\d+$/.test(pathname) && (
        <a href="#thread" className="skip-link">
          Skip to the thread
        </a>
      )}
      {pathname === "/moderation" && (
        <a href="#queue" className="skip-link">
          Skip to the queue
        </a>
      )}
    </div>
  );
}
