import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "./_components/providers";
import "./globals.css";
import "./insights.css";

export const metadata: Metadata = {
  title: { default: "Marginalia", template: "%s · Marginalia" },
  description: "How readers took each post, and a moderation queue that forgets nothing.",
};

/**
 * Every page is rendered per request: Next gives its scripts the nonce of the request's Content-Security-Policy
 * (set by lib/web/server.ts), which a page built ahead of time could not carry.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
