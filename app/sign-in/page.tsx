import type { Metadata } from "next";
import { SignInForm } from "../_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <div className="shell" style={{ maxWidth: 420, paddingTop: 80 }}>
      <h1>Marginalia</h1>
      <p className="subtle">Sign in to see how readers took your posts.</p>
      <div className="panel">
        <SignInForm />
      </div>
    </div>
  );
}
