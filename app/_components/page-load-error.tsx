"use client";
import Link from "next/link";

/** The body of a page's error.tsx: what failed, the error's reference when there is one, a retry. */
export function PageLoadError({
  title,
  explanation,
  error,
  reset,
}: {
  title: string;
  explanation: string;
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="panel" role="alert">
      <h1>{title}</h1>
      <p>{explanation}</p>
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
