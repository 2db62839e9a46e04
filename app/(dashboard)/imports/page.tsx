import type { Metadata } from "next";
import { listImports } from "@/lib/server/imports";
import { requirePageViewer } from "@/lib/server/session";
import { ImportsPanel } from "../../_components/imports-panel";

export const metadata: Metadata = { title: "Imports" };
export const dynamic = "force-dynamic";

export default async function ImportsPage() {
  await requirePageViewer("administer");
  const initial = await listImports();
  return (
    <>
      <h1>Imports</h1>
      <p className="subtle">
        Pull a publication's posts and comments from Substack, keep them current on a schedule, and see every
        run. Export files (Disqus, WordPress, saved Substack JSON, CSV, JSON Lines) are imported with{" "}
        <code>npm run marginalia -- import file &lt;path&gt;</code>.
      </p>
      <ImportsPanel initialData={initial} />
    </>
  );
}
