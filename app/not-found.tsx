import Link from "next/link";

export default function NotFound() {
  return (
    <div className="shell" style={{ paddingTop: 60 }}>
      <h1>Not found</h1>
      <p className="subtle">There is nothing at this address.</p>
      <Link href="/">Back to the overview</Link>
    </div>
  );
}
