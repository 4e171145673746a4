/**
 * Next runs register() once when a server process starts (not during `next build`). In workshop
 * mode that is the moment to print the instructor's secret: once, to whoever started the server.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { announceInstructorSecret } = await import("./lib/room/instructor");
  try {
    await announceInstructorSecret();
  } catch (error) {
    // A database that is not set up yet must not stop the server; /instructor will say what is wrong.
    console.error(`[workshop] could not prepare the instructor's secret: ${(error as Error).message}`);
  }
}
