import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="shell standalone">
      <h1>Not for your role</h1>
      <p className="subtle">
        Your account may not open this page. Ask the publication's author if you need it.
      </p>
      <Link href="/">Back to the overview</Link>
    </main>
  );
}
