import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { authStateChanged, getAuthState } from "@/lib/auth/state";
import type { SessionUser } from "@/lib/auth/strategies/types";
import { StoreUnavailableError } from "@/lib/store/gate";

/**
 * Authorization in one place. Every server action is built by one of these wrappers, which
 *  1. refuses anything but a small FormData (an action id can be POSTed by anyone, with anything),
 *  2. validates the fields with the action's zod schema,
 *  3. checks who is asking (signed in, or the instructor) on the request itself,
 * and only then runs the action. tests/server-actions.test.ts fails if an exported action is
 * not built this way.
 */
export type ActionResult =
  | { status: "idle" }
  | { status: "ok"; message: string }
  | { status: "error"; message: string };

export type ServerAction = (prev: ActionResult, form: FormData) => Promise<ActionResult>;

/** The same action, typed for a plain `<form action={…}>` (no status line to feed). */
export type FormAction = (form: FormData) => Promise<void>;
export const asFormAction = (action: ServerAction) => action as unknown as FormAction;

export type Access = "public" | "user" | "admin";

interface Caller {
  user: SessionUser | null;
}
type Handler<I, U> = (input: I, caller: { user: U }) => Promise<ActionResult>;

const MAX_FIELDS = 20;
const MAX_VALUE = 2000;

const fail = (message: string): ActionResult => ({ status: "error", message });

/** FormData → plain fields, or a sentence saying what was wrong with it. */
function fieldsOf(form: unknown): Record<string, string> | string {
  if (form === undefined || form === null) return {};
  if (!(form instanceof FormData)) return "This action takes a form.";
  const out: Record<string, string> = {};
  let count = 0;
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue; // React's own bookkeeping fields
    if (++count > MAX_FIELDS) return "Too many fields.";
    if (typeof value !== "string") return "Files are not accepted here.";
    if (value.length > MAX_VALUE) return `The field “${key.slice(0, 40)}” is too long.`;
    out[key] = value;
  }
  return out;
}

function guard<S extends z.ZodType, U>(
  access: Access,
  schema: S,
  authorize: (caller: Caller) => ActionResult | U,
  fn: Handler<z.output<S>, U>,
): ServerAction {
  const action = async (prev: unknown, form: unknown): Promise<ActionResult> => {
    // useActionState calls (prev, form); a plain <form action> calls (form).
    const fields = fieldsOf(form === undefined && prev instanceof FormData ? prev : form);
    if (typeof fields === "string") return fail(fields);
    const parsed = schema.safeParse(fields);
    if (!parsed.success) return fail(parsed.error.issues[0]?.message ?? "That input is not valid.");
    try {
      const state = await getAuthState();
      if (access !== "public" && state.verdict.status === "unavailable")
        return fail("The session store is unavailable, so who you are cannot be checked. Try again shortly.");
      const allowed = authorize({ user: state.user });
      if (isResult(allowed)) return allowed;
      try {
        return await fn(parsed.data, { user: allowed });
      } finally {
        authStateChanged(); // the page drawn after this action reads the session afresh
      }
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
      if (error instanceof StoreUnavailableError)
        return fail(`${error.message}. Nothing was changed; try again when it is back.`);
      console.error(`[action] ${error instanceof Error ? error.message : String(error)}`);
      return fail("Something went wrong on the server; nothing was changed.");
    }
  };
  return Object.assign(action, { access }) as ServerAction;
}

function isResult(v: unknown): v is ActionResult {
  return (
    typeof v === "object" && v !== null && "status" in v && typeof (v as ActionResult).status === "string"
  );
}

/** Anyone may call it (it still gets validated input, and may look at who is asking). */
export function publicAction<S extends z.ZodType>(schema: S, fn: Handler<z.output<S>, SessionUser | null>) {
  return guard("public", schema, (c) => c.user, fn);
}

/** Signed-in users only; the handler gets the caller, checked on this very request. */
export function userAction<S extends z.ZodType>(schema: S, fn: Handler<z.output<S>, SessionUser>) {
  return guard("user", schema, (c) => c.user ?? fail("You are signed out; sign in first."), fn);
}

/** The instructor (admin role) only. */
export function adminAction<S extends z.ZodType>(schema: S, fn: Handler<z.output<S>, SessionUser>) {
  return guard(
    "admin",
    schema,
    (c) => (c.user?.role === "admin" ? c.user : fail("Instructor only: sign in with an instructor account.")),
    fn,
  );
}

/** For actions that take no input. */
export const noInput = z.object({});
