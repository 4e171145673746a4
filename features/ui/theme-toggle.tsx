"use client";

import { useState } from "react";
import { THEMES, type Theme } from "@/lib/theme";

const LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };
const COOKIE = "session-lab.theme";

/** Light, dark or the system's: applied at once, remembered for a year in a cookie the server reads. */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState(initial);
  const choose = (next: Theme) => {
    setTheme(next);
    const root = document.documentElement;
    root.classList.remove(...THEMES);
    root.classList.add(next);
    document.cookie =
      next === "system"
        ? `${COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`
        : `${COOKIE}=${next}; Path=/; Max-Age=31536000; SameSite=Lax`;
  };
  return (
    <label className="flex items-center gap-2 text-sm">
      <span>Theme</span>
      <select
        value={theme}
        onChange={(e) => choose(e.target.value as Theme)}
        className="rounded border border-slate-300 bg-white px-1.5 py-1 dark:border-slate-700 dark:bg-slate-900"
      >
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {LABELS[t]}
          </option>
        ))}
      </select>
    </label>
  );
}
