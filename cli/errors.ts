/**
 * The CLI's failures, each one line for a person and an exit code for a script:
 * 1 = the server refused (wrong password, revoked session, rate limit),
 * 2 = the command could not be carried out (bad usage, server unreachable, unsafe credentials file).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export const refused = (message: string) => new CliError(message, 1);
export const unusable = (message: string) => new CliError(message, 2);
