"use client";

import { useActionState, useId } from "react";
import { buttonClass, quietButtonClass } from "@/features/ui/card";
import type { DecodeState, LabAction, MintState } from "./types";

const IDLE = { status: "idle" } as const;
const json = (v: unknown) => JSON.stringify(v, null, 2);

/** The JWT lab's decoder: paste a token; the server shows what anyone can read and what needs its key. */
export function Decoder({ decode, mint }: { decode: LabAction<DecodeState>; mint: LabAction<MintState> }) {
  const [state, decodeAction, decoding] = useActionState(decode, IDLE as DecodeState);
  const [minted, mintAction, minting] = useActionState(mint, IDLE as MintState);
  const field = useId();
  const d = state.status === "ok" ? state.decoded : undefined;
  return (
    <div className="space-y-4">
      <form action={mintAction} className="space-y-2">
        <button type="submit" className={quietButtonClass} disabled={minting}>
          Get a signed access token
        </button>
        {minted.status !== "idle" ? (
          <p role="status" className="text-sm">
            {minted.message}
          </p>
        ) : null}
        {minted.token ? (
          <textarea
            readOnly
            aria-label="Your signed access token"
            value={minted.token}
            rows={3}
            className="w-full rounded border border-slate-300 p-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
          />
        ) : null}
      </form>
      <form action={decodeAction} className="space-y-2">
        <label htmlFor={field} className="block font-medium">
          Token to decode
        </label>
        <textarea
          id={field}
          name="token"
          rows={4}
          required
          className="w-full rounded border border-slate-300 p-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
        />
        <button type="submit" className={buttonClass} disabled={decoding}>
          Decode
        </button>
      </form>
      <div role="status" aria-live="polite" className="text-sm">
        {state.status === "error" ? <p className="text-red-700 dark:text-red-300">{state.message}</p> : null}
        {d ? (
          <div className="space-y-2">
            <p>
              <strong>{d.kind === "jwe" ? "JWE (encrypted)" : "JWS (signed, not encrypted)"}.</strong>{" "}
              {d.serverSays}
            </p>
            <p className="font-medium">Header: readable by anyone</p>
            <pre className="overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">
              {json(d.header)}
            </pre>
            <p className="font-medium">Payload</p>
            {d.readable ? (
              <pre className="overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">
                {json(d.readable)}
              </pre>
            ) : (
              <p>{d.ciphertextBytes} bytes of ciphertext: unreadable without the server&apos;s key.</p>
            )}
          </div>
        ) : null}
      </div>
    </div>
  );
}
