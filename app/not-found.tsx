import Link from "next/link";

export default function NotFound() {
  return (
    <main className="shell standalone">
      <h1>Not found</h1>
      <p className="subtle">There is nothing at this address.</p>
      <Link href="/">Back to the overview</Link>
    </main>
  );
}
