import type { Command } from "commander";
import { z } from "zod";
import { createUser, generatePassword, ROLES } from "@/lib/server/auth/users";
import { withDatabase } from "../context";
import { UsageError } from "../main";

const argsSchema = z.object({
  email: z.email("--email must be an email address"),
  role: z.enum(ROLES, { error: "--role must be AUTHOR, MODERATOR or VIEWER" }),
  name: z.string().min(1).max(120).optional(),
  passwordStdin: z.boolean().optional(),
});

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

export function registerUserCommands(program: Command): void {
  const user = program.command("user").description("accounts that can sign in");
  user
    .command("add")
    .description("create an account; the password comes from stdin or is generated and printed once")
    .requiredOption("--email <email>", "the address the person signs in with")
    .requiredOption("--role <role>", "AUTHOR, MODERATOR or VIEWER")
    .option("--name <name>", "display name")
    .option("--password-stdin", "read the password from standard input")
    .action(async (raw: unknown) => {
      const parsed = argsSchema.safeParse(raw);
      if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? "bad arguments");
      const args = parsed.data;
      const password = args.passwordStdin ? await readStdin() : generatePassword();
      if (password.length < 10) throw new UsageError("the password must be at least 10 characters");
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
}
