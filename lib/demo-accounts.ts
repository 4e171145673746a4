/** Seeded on first start (scripts/setup.ts) and listed on the sign-in page in demo mode. */
export const DEMO_PASSWORD = "demo-password";

export const DEMO_ACCOUNTS = [
  { email: "alice@example.com", name: "Alice", role: "user" },
  { email: "bob@example.com", name: "Bob", role: "user" },
  { email: "instructor@example.com", name: "Instructor", role: "admin" },
] as const;
