import "server-only";

/**
 * A text/event-stream response fed by polling. Polling the database (not an in-process event bus)
 * is what lets a cluster work: whichever instance holds the connection sees every instance's writes.
 * The stream ends after `lifetimeMs`; the browser's EventSource reconnects on its own (after the
 * `retry` delay), which re-checks who is asking on a fresh request with fresh cookies.
 */
export interface SseMessage {
  event: string;
  data: unknown;
  /** Sent back by the browser as Last-Event-ID when it reconnects. */
  id?: string;
}

/** A poll's answer: messages to send, or a closing message (the subscriber lost access). */
export type Tick = { send: SseMessage[] } | { close: SseMessage };

export function format(m: SseMessage): string {
  // JSON has no raw newlines, so one data line always holds the whole payload.
  return `${m.id ? `id: ${m.id}\n` : ""}event: ${m.event}\ndata: ${JSON.stringify(m.data)}\n\n`;
}

export function pollingStream(
  tick: () => Promise<Tick>,
  o: { signal: AbortSignal; intervalMs?: number; lifetimeMs?: number; onError?: (e: unknown) => SseMessage },
): Response {
  const encoder = new TextEncoder();
  const interval = o.intervalMs ?? 2000;
  const lifetime = o.lifetimeMs ?? 5 * 60_000;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          closed = true; // the client went away between two polls
        }
      };
      const close = () => {
        if (closed) return;
        closed = true;
        clearTimeout(timer);
        try {
          controller.close();
        } catch {
          // already cancelled by the client
        }
      };
      const startedAt = Date.now();
      const loop = async () => {
        if (closed) return;
        try {
          const result = await tick();
          if ("close" in result) {
            write(format(result.close));
            return close();
          }
          if (result.send.length) write(result.send.map(format).join(""));
          else write(": still here\n\n"); // keeps proxies and Wi-Fi access points from timing out
        } catch (error) {
          if (o.onError) write(format(o.onError(error)));
          else throw error;
        }
        if (Date.now() - startedAt >= lifetime) return close();
        timer = setTimeout(loop, interval);
      };
      o.signal.addEventListener("abort", close);
      write(`retry: ${interval}\n\n`);
      void loop().catch(() => close());
    },
    cancel() {
      closed = true;
      clearTimeout(timer);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: compression would buffer the stream until it ends.
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
      Connection: "keep-alive",
    },
  });
}
