"use client";

import { useEffect, useState } from "react";

/**
 * Seconds until a moment on the server's auth clock. `offsetMs` is the auth clock minus this
 * browser's clock at render time, so time travel and clock skew both show correctly.
 */
export function Countdown({
  until,
  offsetMs,
  label,
  expired,
}: {
  until: number;
  offsetMs: number;
  label: string;
  expired: string;
}) {
  const [left, setLeft] = useState(() => Math.round((until - (Date.now() + offsetMs)) / 1000));
  useEffect(() => {
    const t = setInterval(() => setLeft(Math.round((until - (Date.now() + offsetMs)) / 1000)), 1000);
    return () => clearInterval(t);
  }, [until, offsetMs]);
  return (
    <span role="timer" aria-label={label} className="font-mono">
      {left > 0 ? `${left} s` : expired}
    </span>
  );
}
