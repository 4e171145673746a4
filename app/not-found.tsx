import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p>
        There is nothing at this address.{" "}
        <Link href="/" className="text-blue-700 underline dark:text-blue-300">
          Back to the lab
        </Link>
        .
      </p>
    </div>
  );
}
