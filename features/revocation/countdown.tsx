"use client";

import { useEffect, useState } from "react";

/**
 * Seconds until a moment on the server's auth clock. `offsetMs` is the auth clock minus the real
 * clock at render time, so time travel shows correctly. The first render (on the server, then
 * again while hydrating) shows the time as the server computed it; the browser's own clock takes
 * over only after hydration, so both renders match.
 */
export function Countdown({
  until,
  offsetMs,
  initialSeconds,
  label,
  expired,
}: {
  until: number;
  offsetMs: number;
  initialSeconds: number;
  label: string;
  expired: string;
}) {
  const [left, setLeft] = useState(initialSeconds);
  useEffect(() => {
    const tick = () => setLeft(Math.round((until - (Date.now() + offsetMs)) / 1000));
    tick();
    const t = setInterval(tick, 1000);
    return () => clearInterval(t);
  }, [until, offsetMs]);
  return (
    <span role="timer" aria-label={label} className="font-mono">
      {left > 0 ? `${left} s` : expired}
    </span>
  );
}
