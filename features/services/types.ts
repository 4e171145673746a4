import type { ActionResult } from "@/lib/actions/guard";
import type { ServiceCall } from "@/lib/services/orders-client";

/**
 * What a "call the orders service" action answers: the guard's result (its message feeds the
 * status line) plus the measured call. The guard hands a handler's result back unchanged, so
 * the extra field arrives; the island reads it through this type.
 */
export type CallState = ActionResult & { call?: ServiceCall & { way: Way; mintMs: number | null } };
export type Way = "access-token" | "session";
export type CallAction = (prev: CallState, form: FormData) => Promise<CallState>;
