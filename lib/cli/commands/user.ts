import type { Command } from "commander";
import { z } from "zod";
import { USER_ROLES } from "@/lib/schemas/users";
import {
  changeUserRole,
  createUser,
  disableUser,
  enableUser,
  findUserIdByEmail,
  generatePassword,
  listUsers,
  resetUserPassword,
  revokeUserSessions,
} from "@/lib/server/users";
import { withDatabase } from "../context";
import { UsageError } from "../usage-error";

const email = z.email("--email must be an email address");
const role = z.enum(USER_ROLES, { error: "--role must be AUTHOR, MODERATOR or VIEWER" });

const addSchema = z.object({
  email,
  role,
  name: z.string().min(1).max(120).optional(),
  passwordStdin: z.boolean().optional(),
});

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? "bad arguments");
  return parsed.data;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

async function passwordFrom(stdin: boolean | undefined): Promise<string> {
  const password = stdin ? await readStdin() : generatePassword();
  if (password.length < 10) throw new UsageError("the password must be at least 10 characters");
  return password;
}

/** Runs `change` on the account with this email; the log records the command line as the actor (null). */
async function onAccount<T>(address: string, change: (userId: string) => Promise<T>): Promise<T> {
  return withDatabase(async () => {
    const userId = await findUserIdByEmail(address);
    if (!userId) throw new Error(`no account with the email ${address.trim().toLowerCase()}`);
    return change(userId);
  });
}

export function registerUserCommands(program: Command): void {
  const user = program
    .command("user")
    .description("accounts that can sign in (every change is logged, with the command line as actor)");
  user
    .command("add")
    .description("create an account; the password comes from stdin or is generated and printed once")
    .requiredOption("--email <email>", "the address the person signs in with")
    .requiredOption("--role <role>", "AUTHOR, MODERATOR or VIEWER")
    .option("--name <name>", "display name")
    .option("--password-stdin", "read the password from standard input")
    .action(async (raw: unknown) => {
      const args = parse(addSchema, raw);
      const password = await passwordFrom(args.passwordStdin);
      await withDatabase(async ({ db }) => {
        const created = await createUser(db, {
          email: args.email,
          name: args.name,
          role: args.role,
          password,
        });
        process.stdout.write(`created ${created.role} ${created.email}\n`);
        if (!args.passwordStdin) process.stdout.write(`password: ${password}\n(shown once: keep it now)\n`);
      });
    });

  user
    .command("list")
    .description("every account: role, email, name, and whether it is disabled")
    .action(async () => {
      await withDatabase(async () => {
        for (const u of await listUsers()) {
          process.stdout.write(`${u.role}\t${u.email}\t${u.name}${u.disabledAt ? "\tdisabled" : ""}\n`);
        }
      });
    });

  user
    .command("set-role")
    .description("give an account another role; its sessions end")
    .requiredOption("--email <email>", "the account")
    .requiredOption("--role <role>", "AUTHOR, MODERATOR or VIEWER")
    .action(async (raw: unknown) => {
      const args = parse(z.object({ email, role }), raw);
      const updated = await onAccount(args.email, (id) => changeUserRole(null, id, args.role));
      process.stdout.write(`${updated.email} is now ${updated.role}\n`);
    });

  user
    .command("disable")
    .description("no more sign-in for the account; its sessions end")
    .requiredOption("--email <email>", "the account")
    .action(async (raw: unknown) => {
      const args = parse(z.object({ email }), raw);
      const updated = await onAccount(args.email, (id) => disableUser(null, id));
      process.stdout.write(`${updated.email} is disabled\n`);
    });

  user
    .command("enable")
    .description("let a disabled account sign in again")
    .requiredOption("--email <email>", "the account")
    .action(async (raw: unknown) => {
      const args = parse(z.object({ email }), raw);
      const updated = await onAccount(args.email, (id) => enableUser(null, id));
      process.stdout.write(`${updated.email} is enabled\n`);
    });

  user
    .command("reset-password")
    .description("a new password (from stdin, or generated and printed once); the account's sessions end")
    .requiredOption("--email <email>", "the account")
    .option("--password-stdin", "read the password from standard input")
    .action(async (raw: unknown) => {
      const args = parse(z.object({ email, passwordStdin: z.boolean().optional() }), raw);
      const password = await passwordFrom(args.passwordStdin);
      const reset = await onAccount(args.email, (id) => resetUserPassword(null, id, password));
      process.stdout.write(`new password set for ${reset.user.email}\n`);
      if (!args.passwordStdin) process.stdout.write(`password: ${password}\n(shown once: keep it now)\n`);
    });

  user
    .command("sign-out")
    .description("end every session of the account (a lost laptop)")
    .requiredOption("--email <email>", "the account")
    .action(async (raw: unknown) => {
      const args = parse(z.object({ email }), raw);
      const count = await onAccount(args.email, (id) => revokeUserSessions(null, id));
      process.stdout.write(`ended ${count} session(s)\n`);
    });
}
