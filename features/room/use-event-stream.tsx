"use client";

import { useEffect, useRef, useState } from "react";

/**
 * One EventSource for a page's live parts. The browser reconnects by itself when a stream ends
 * (the server closes each one after a few minutes, and Wi-Fi drops); when it gives up (the server
 * was unreachable), this reconnects with a growing delay. "reauth" means the credential in that
 * request ran out: reconnecting sends a new request, through the proxy, with renewed cookies.
 */
export type StreamStatus = "connecting" | "live" | "reconnecting" | "stopped";

export function useEventStream(url: string, on: Record<string, (data: unknown) => void>): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>("connecting");
  const handlers = useRef(on);
  handlers.current = on;

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = 1000;
    let stopped = false;
    const connect = () => {
      source = new EventSource(url);
      source.onopen = () => {
        delay = 1000;
        setStatus("live");
      };
      source.onerror = () => {
        if (stopped) return;
        if (source?.readyState === EventSource.CLOSED) {
          setStatus("reconnecting");
          retry = setTimeout(connect, delay);
          delay = Math.min(delay * 2, 30_000);
        } else setStatus("reconnecting"); // the browser is already retrying
      };
      const listen = (name: string) =>
        source?.addEventListener(name, (e) => handlers.current[name]?.(JSON.parse((e as MessageEvent).data)));
      for (const name of Object.keys(handlers.current)) listen(name);
      source.addEventListener("reauth", () => {
        source?.close();
        connect();
      });
      source.addEventListener("denied", () => {
        stopped = true;
        source?.close();
        setStatus("stopped");
      });
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [url]);

  return status;
}

export function StatusText({ status }: { status: StreamStatus }) {
  const text = {
    connecting: "Connecting…",
    live: "Live: updates as they happen",
    reconnecting: "Reconnecting… (the list may be a few seconds old)",
    stopped: "Not live: sign in again to resume",
  }[status];
  return (
    // A span: it also sits inside a card's subtitle paragraph, and a <p> may not hold a <p>.
    <span role="status" aria-live="polite" className="block text-xs text-slate-600 dark:text-slate-400">
      <span
        aria-hidden="true"
        className={
          status === "live" ? "text-green-700 dark:text-green-300" : "text-amber-700 dark:text-amber-300"
        }
      >
        ●{" "}
      </span>
      {text}
    </span>
  );
}
