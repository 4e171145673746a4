/**
 * `npm run cli -- <command> [options]`: Session Lab from a terminal, no browser involved.
 * Options are parsed with node:util's parseArgs (strict: an unknown flag is a usage error).
 */
import { parseArgs } from "node:util";
import { login, logout, type Options, orders, whoami } from "./commands";
import { CliError, unusable } from "./errors";
import { ask, askHidden, interactive } from "./prompt";

const USAGE = `Usage: npm run cli -- <login | whoami | orders | logout> [options]

  login    sign in with email and password; the token is kept in a file only you can read
  whoami   ask the app who this token belongs to (Authorization: Bearer)
  orders   call the orders service with it (a signed access token, or the session id itself)
  logout   revoke what can be revoked, then delete the file

Options:
  --url <origin>       the app (default http://localhost:3000; after login, where you logged in)
  --service <origin>   the orders service (default http://127.0.0.1:4000)
  --email <address>    login: the account (else $SESSION_LAB_EMAIL, else asked)
  --password <secret>  login: the password (else $SESSION_LAB_PASSWORD, else asked without echo).
                       A password on the command line ends up in your shell history.
  --mode <mode>        login: database | jwt | jwt-refresh (default: the server's default mode)

The token file: $SESSION_LAB_CLI_HOME/credentials.json (default ~/.config/session-lab), mode 0600.
Exit codes: 0 done, 1 refused by the server, 2 usage error or something unreachable.`;

const SEE_HELP = "see `npm run cli -- --help`";
const COMMANDS = { login: true, whoami: true, orders: true, logout: true } as const;
const MODES = ["database", "jwt", "jwt-refresh"];

type Parsed = { command: keyof typeof COMMANDS; options: Options } | { help: string };

function parse(argv: string[]): Parsed {
  let parsed: ReturnType<typeof read>;
  const read = () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: "string" },
        service: { type: "string", default: "http://127.0.0.1:4000" },
        email: { type: "string" },
        password: { type: "string" },
        mode: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  try {
    parsed = read();
  } catch (error) {
    // parseArgs explains at length; its first sentence says what was wrong.
    throw unusable(`${(error as Error).message.split(". ")[0]}; ${SEE_HELP}.`);
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help) return { help: USAGE };
  if (!command) throw unusable(USAGE);
  if (!(command in COMMANDS) || positionals.length > 1)
    throw unusable(`unknown command "${positionals.join(" ")}"; ${SEE_HELP}.`);
  if (values.mode !== undefined && !MODES.includes(values.mode))
    throw unusable(`--mode must be one of ${MODES.join(", ")} (got "${values.mode}").`);
  for (const [name, value] of [
    ["url", values.url],
    ["service", values.service],
  ] as const)
    if (value !== undefined && !URL.canParse(value))
      throw unusable(`--${name} must be a URL like http://localhost:3000.`);
  return { command: command as keyof typeof COMMANDS, options: values as Options };
}

/** Flags, then the environment, then (only at a terminal) a question. */
async function credentialsFor(o: Options): Promise<{ email: string; password: string }> {
  let email = o.email ?? process.env.SESSION_LAB_EMAIL;
  let password = o.password ?? process.env.SESSION_LAB_PASSWORD;
  if ((!email || !password) && !interactive())
    throw unusable(
      "no terminal to ask on: pass --email and --password, or set SESSION_LAB_EMAIL and SESSION_LAB_PASSWORD.",
    );
  email ||= await ask("Email: ");
  password ||= await askHidden("Password: ");
  if (!email || !password) throw unusable("an email and a password are needed to log in.");
  return { email, password };
}

async function main(): Promise<number> {
  try {
    const parsed = parse(process.argv.slice(2));
    if ("help" in parsed) {
      console.log(parsed.help);
      return 0;
    }
    const { command, options } = parsed;
    let out: string;
    if (command === "login") {
      const { email, password } = await credentialsFor(options);
      out = await login(options, email, password);
    } else out = await { whoami, orders, logout }[command](options);
    console.log(out);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      console.error(error.message.includes("\n") ? error.message : `session-lab: ${error.message}`);
      return error.exitCode;
    }
    console.error(
      `session-lab: unexpected failure: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  }
}

void main().then((code) => {
  process.exitCode = code;
});
