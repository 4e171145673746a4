"use server";

import { noInput, userAction } from "@/lib/actions/guard";
import { mintAccessToken } from "@/lib/auth/access-tokens";
import { sessionCredential } from "@/lib/auth/scope";
import { getAuthState } from "@/lib/auth/state";
import { recordCheckpoint } from "@/lib/labs/evaluate";
import { callOrders, type ServiceCall } from "@/lib/services/orders-client";
import type { CallState, Way } from "./types";

/** One line for the status region: what happened, in words, with the two timings. */
function summary(way: Way, call: ServiceCall): string {
  if (call.status === null || !call.verification) return call.problem ?? "No answer.";
  const { method, contacted, ms } = call.verification;
  const trip = `${call.roundTripMs.toFixed(1)} ms round trip`;
  if (call.status !== 200) return `Refused (${call.status}): ${call.problem}. ${trip}.`;
  const how =
    method === "jwks" ? "verified the signature with the public key" : "asked the app (introspection)";
  const reached = contacted.length ? `reached ${contacted.join(", ")}` : "reached nothing";
  const label = way === "access-token" ? "Access token" : "Session credential";
  return `${label}: ${call.orders.length} orders. The service ${how} in ${ms.toFixed(2)} ms and ${reached}; ${trip}.`;
}

function answer(way: Way, call: ServiceCall, mintMs: number | null): CallState {
  const status = call.status === 200 ? "ok" : "error";
  return { status, message: summary(way, call), call: { ...call, way, mintMs } };
}

/** (a) A freshly minted signed access token: the service checks it by itself. */
export const callWithAccessToken = userAction(noInput, async (_input, { user }) => {
  const { verdict } = await getAuthState();
  if (verdict.status !== "signed-in")
    return { status: "error", message: "You are signed out; sign in first." };
  const start = performance.now();
  const minted = await mintAccessToken(verdict);
  const mintMs = performance.now() - start;
  await recordCheckpoint(user.id, "beyond:access-token"); // lab checkpoint (lib/labs)
  const call = await callOrders(minted.token);
  if (call.status === 200) await recordCheckpoint(user.id, "beyond:orders");
  return answer("access-token", call, mintMs);
});

/** (b) The session's own credential (cookie value): meaningless to the service, so it must ask the app. */
export const callWithSessionCredential = userAction(noInput, async (_input, { user }) => {
  const { scope } = await getAuthState();
  const credential = sessionCredential(scope);
  if (!credential) return { status: "error", message: "This browser holds no session cookie to send." };
  const call = await callOrders(credential);
  if (call.status === 200) await recordCheckpoint(user.id, "beyond:orders"); // lab checkpoint (lib/labs)
  return answer("session", call, null);
});
