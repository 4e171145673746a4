import type { ActionResult } from "@/lib/actions/guard";

/** What the labs' actions answer beyond a status line (the guard passes results through unchanged). */
export interface DecodedView {
  kind: "jwe" | "jws";
  header: Record<string, unknown>;
  readable: Record<string, unknown> | null;
  ciphertextBytes: number | null;
  serverSays: string;
}
export type DecodeState = ActionResult & { decoded?: DecodedView };
export type MintState = ActionResult & { token?: string };
export type ChoiceState = ActionResult & { verdict?: "strong" | "workable" | "risky" };
export type LabAction<S> = (prev: S, form: FormData) => Promise<S>;
