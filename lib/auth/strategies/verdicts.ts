import "server-only";
import { StoreUnavailableError } from "@/lib/store/gate";
import type { Limit } from "../jwt-codec";
import { reject } from "../trace";
import type { Verdict } from "./types";

/** A refusal, recorded in the trace so the panel can say why. */
export function signedOut(limit: Limit, reason: string): Verdict {
  reject(reason);
  return { status: "signed-out", limit, reason };
}

/** Fail closed: a store error is never "signed out" and never "signed in". */
export function unavailable(error: StoreUnavailableError): Verdict {
  reject(error.message);
  return { status: "unavailable", store: error.store, reason: error.message };
}

/** Runs a read; a store outage becomes the "unavailable" verdict, anything else propagates. */
export async function failClosed(read: () => Promise<Verdict>): Promise<Verdict> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof StoreUnavailableError) return unavailable(error);
    throw error;
  }
}
