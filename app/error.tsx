"use client";

/** Something failed while rendering: say so plainly, offer a retry, never show a stack trace. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-3">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p>The server could not finish this page. Your data is safe; try again.</p>
      <button type="button" onClick={reset} className="rounded-md bg-blue-700 px-3 py-1.5 text-white">
        Try again
      </button>
    </div>
  );
}
