"use client";
import Link from "next/link";
import { useRef, useState } from "react";
import { GlossaryButton } from "./glossary";
import { setPreferenceCookie } from "./preference-cookie";
import { START_HERE_COOKIE } from "./start-here-cookie";

function remember(dismissed: boolean) {
  setPreferenceCookie(START_HERE_COOKIE, dismissed ? "dismissed" : null);
}

/**
 * The first-visit guide on the overview: what to look at first, how labels are made, how to correct one.
 * Hiding it is remembered in a cookie (so the server leaves it out next time); a small button brings it back.
 */
export function StartHere({ initiallyOpen, canCorrect }: { initiallyOpen: boolean; canCorrect: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const reopen = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLElement>(null);
  if (!open) {
    return (
      <p className="start-here-reopen">
        <button
          ref={reopen}
          type="button"
          className="link-button"
          onClick={() => {
            remember(false);
            setOpen(true);
            requestAnimationFrame(() => panel.current?.focus());
          }}
        >
          Show the start-here guide
        </button>
      </p>
    );
  }
  return (
    <section
      ref={panel}
      className="panel start-here"
      aria-labelledby="start-here-title"
      data-testid="start-here"
      tabIndex={-1}
    >
      <h2 id="start-here-title">Start here</h2>
      <ol>
        <li>
          <strong>Look first</strong> at “Tone of the comments, post by post” below: each bar is a post, split
          by how its readers wrote. Then open a post from the table at the bottom. On a post, “Substantive
          pushback” gathers the comments that disagree with reasons: read those first.
        </li>
        <li>
          <strong>How labels are made.</strong> A scorer on this server reads every comment (nothing is sent
          anywhere): it spots telling words and phrases, highlighted in each comment, and weighs them with a
          small model trained on labelled comments. The line under each comment's labels quotes the words
          behind its tone, and says “Uncertain” when the call was close or the words point elsewhere.{" "}
          <GlossaryButton />
        </li>
        <li>
          <strong>Correct a label</strong>{" "}
          {canCorrect ? (
            <>
              with “Correct labels” under any comment: pick the right tone or stance and save, or press
              “Scorer is right”. Every chart counts the correction at once, and “Agreement with the scorer”
              above tracks how often people kept the label.
            </>
          ) : (
            <>
              : authors and moderators can, with “Correct labels” under any comment; every chart counts the
              correction at once.
            </>
          )}
        </li>
      </ol>
      <p className="start-here-actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            remember(true);
            setOpen(false);
            requestAnimationFrame(() => reopen.current?.focus());
          }}
        >
          Got it, hide this guide
        </button>
        <span className="subtle">
          The <Link href="/compare">Compare</Link> page puts several posts side by side.
        </span>
      </p>
    </section>
  );
}
