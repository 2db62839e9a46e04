import type { Metadata } from "next";
import { SignInForm } from "../_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <main className="shell sign-in">
      <h1>Marginalia</h1>
      <p className="subtle">Sign in to see how readers took your posts.</p>
      <section className="panel" aria-label="Sign in">
        <SignInForm />
      </section>
    </main>
  );
}
