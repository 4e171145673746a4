/**
 * Questions at the terminal. The password is read in raw mode and never echoed (not even as
 * stars: its length is a secret too). Without a terminal (a script, a pipe) nothing is asked:
 * the caller must pass flags or environment variables instead.
 */
import { createInterface } from "node:readline/promises";
import { unusable } from "./errors";

export const interactive = () => Boolean(process.stdin.isTTY && process.stdout.isTTY);

export async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

export function askHidden(question: string): Promise<string> {
  if (!interactive()) return Promise.reject(unusable("no terminal to ask for a password"));
  const stdin = process.stdin;
  // Echo off before the prompt appears: anything typed after it must never reach the screen.
  stdin.setRawMode(true);
  process.stdout.write(question);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let typed = "";
    const done = (finish: () => void) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stdout.write("\n");
      finish();
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return done(() => resolve(typed));
        if (ch === "\u0003") return done(() => reject(unusable("cancelled")));
        if (ch === "\u007f" || ch === "\b") typed = typed.slice(0, -1);
        else if (ch >= " ") typed += ch;
      }
    };
    stdin.on("data", onData);
  });
}
