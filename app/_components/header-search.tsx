"use client";
import { useEffect, useRef } from "react";
import { isPageShortcut } from "./keyboard";

/**
 * The header's search box: a plain GET form to /search, so it works with the keyboard and without scripts; `/`
 * anywhere on a page (outside a field) puts the cursor in it.
 */
export function HeaderSearch() {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || !isPageShortcut(event) || !box.current) return;
      event.preventDefault();
      box.current.focus();
      box.current.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <search className="header-search">
      <form action="/search" method="get">
        <label htmlFor="header-search-q" className="visually-hidden">
          Search every comment
        </label>
        <input
          ref={box}
          id="header-search-q"
          type="search"
          name="q"
          placeholder="Search comments"
          title="Search every comment (press / on any page)"
          aria-keyshortcuts="/"
          maxLength={200}
          required
        />
      </form>
    </search>
  );
}
