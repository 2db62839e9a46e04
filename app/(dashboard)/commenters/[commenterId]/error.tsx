"use client";
import { PageLoadError } from "../../../_components/page-load-error";

/** Shown when the commenter page fails: says what failed and offers a retry. */
export default function CommenterError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <PageLoadError
      title="This commenter could not be loaded"
      explanation="Their profile and comments failed to load from the database. Try again, or go back to the overview."
      {...props}
    />
  );
}
