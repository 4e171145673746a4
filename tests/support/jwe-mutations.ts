/**
 * Tokens a JWE reader must refuse or read exactly as jose does: single-character changes spread
 * over the whole token, dropped and added characters, padding and whitespace in every part, an
 * extra part and a missing one.
 */
export function mutations(token: string): string[] {
  const out = new Set<string>();
  const alphabet = "AQgw_-aZ09.= ";
  // Every position in short tokens is too many for one test run: take a spread of them.
  for (let i = 0; i < token.length; i += Math.max(1, Math.floor(token.length / 60))) {
    for (const c of alphabet) out.add(token.slice(0, i) + c + token.slice(i + 1));
    out.add(token.slice(0, i) + token.slice(i + 1)); // dropped
    out.add(`${token.slice(0, i)}A${token.slice(i)}`); // added
  }
  const parts = token.split(".");
  for (let p = 0; p < 5; p++) {
    for (const extra of ["A", "AA", "AAA", "AAAA", "=", "==", " ", "+", "/"]) {
      const copy = [...parts];
      copy[p] = `${copy[p]}${extra}`;
      out.add(copy.join("."));
    }
    const emptied = [...parts];
    emptied[p] = "";
    out.add(emptied.join("."));
  }
  out.add(`${token}.`);
  out.add(parts.slice(0, 4).join("."));
  return [...out];
}
