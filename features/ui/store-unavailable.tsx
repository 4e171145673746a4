/** Fail closed, visibly: the page says the store is down instead of pretending you are signed out. */
export function StoreUnavailable({ reason }: { reason: string }) {
  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-semibold">Session store unavailable</p>
      <p className="text-sm">
        {reason} The server cannot check your session, so it neither signs you in nor signs you out: nothing
        is lost, and the page works again as soon as the store is back.
      </p>
    </div>
  );
}
