/**
 * The life of a signing key, decided from its row and the time. Pure (no I/O, no clock of its
 * own), so every transition is unit-tested and every app instance reaches the same answer.
 *
 *   next ──(activatesAt passes)──► current ──(a newer key becomes current)──► previous
 *   previous ──(retiredAt + its tokens' lifetime + skew passes)──► retired
 *
 * Only "current" signs. "next", "current" and "previous" are published in the JWKS.
 */
export type KeyState = "next" | "current" | "previous" | "retired";

export interface KeyRow {
  kid: string;
  alg: string;
  status: string;
  createdAt: Date;
  activatesAt: Date;
  retiredAt: Date | null;
}

export interface SettledKey {
  kid: string;
  alg: string;
  state: KeyState;
  /** Epoch ms (wall clock). */
  createdAt: number;
  /** Epoch ms: when it starts (or started) signing. */
  activatesAt: number;
  /** Epoch ms: when it stopped signing, once a newer key took over. */
  retiredAt: number | null;
}

/**
 * `at`: now, in epoch ms. `keepS`: how long a key stays published after it stops signing.
 * The signer is the key with the latest activation among those due; any other key that was
 * signing (or came due but was overtaken) stops at that moment. Returned newest first.
 */
export function settleKeys(rows: KeyRow[], at: number, keepS: number): SettledKey[] {
  const due = (r: KeyRow) => r.status === "current" || (r.status === "next" && r.activatesAt.getTime() <= at);
  const signer = rows
    .filter(due)
    .sort((a, b) => b.activatesAt.getTime() - a.activatesAt.getTime() || b.kid.localeCompare(a.kid))[0];
  const out = rows.map((r): SettledKey => {
    let state: KeyState = r.status === "next" || r.status === "previous" ? r.status : "retired";
    let retiredAt = r.retiredAt?.getTime() ?? null;
    if (r.status === "current") state = "current";
    if (due(r) && r !== signer) {
      state = "previous";
      retiredAt ??= signer?.activatesAt.getTime() ?? at;
    } else if (r === signer) {
      state = "current";
      retiredAt = null;
    }
    if (state === "previous" && retiredAt !== null && retiredAt + keepS * 1000 <= at) state = "retired";
    return {
      kid: r.kid,
      alg: r.alg,
      state,
      createdAt: r.createdAt.getTime(),
      activatesAt: r.activatesAt.getTime(),
      retiredAt,
    };
  });
  return out.sort((a, b) => b.activatesAt - a.activatesAt);
}
