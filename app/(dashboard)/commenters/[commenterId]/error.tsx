"use client";
import Link from "next/link";

/** Shown when the commenter page fails: says what failed and offers a retry. */
export default function CommenterError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="panel" role="alert">
      <h1>This commenter could not be loaded</h1>
      <p>
        Their profile and comments failed to load from the database. Try again, or go back to the overview.
      </p>
      {error.digest && <p className="subtle">Error reference: {error.digest}</p>}
      <p>
        <button type="button" className="primary" onClick={reset}>
          Try again
        </button>{" "}
        <Link href="/">Back to the overview</Link>
      </p>
    </div>
  );
}
