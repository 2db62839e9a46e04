"use client";
import { PageLoadError } from "../../../_components/page-load-error";

/** Shown when the post page fails to load: says what failed and offers a retry. */
export default function PostError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <PageLoadError
      title="This post could not be loaded"
      explanation="The charts and the thread of this post failed to load from the database. Try again, or go back to the overview."
      {...props}
    />
  );
}
