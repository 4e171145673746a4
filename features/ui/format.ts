export function ms(value: number): string {
  return value < 1 ? `${(value * 1000).toFixed(0)} µs` : `${value.toFixed(2)} ms`;
}

export function when(d: Date | null | undefined): string {
  if (!d) return "—";
  return d
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC");
}

/** "in 7 h 59 min" / "2 min ago", relative to the auth clock's now. */
export function relative(target: number, now: number): string {
  const diff = Math.round((target - now) / 1000);
  const abs = Math.abs(diff);
  const text =
    abs < 90
      ? `${abs} s`
      : abs < 5400
        ? `${Math.round(abs / 60)} min`
        : abs < 172800
          ? `${Math.round(abs / 3600)} h`
          : `${Math.round(abs / 86400)} days`;
  return diff >= 0 ? `in ${text}` : `${text} ago`;
}
