import { beforeAll, describe, expect, test } from "vitest";
import { auth } from "@/lib/server/auth/auth";
import { runCli } from "../support/cli";
import { resetDatabase, useTestDatabase } from "../support/database";

const { url, db, sql } = useTestDatabase();

const cli = (args: string[], stdin?: string) => runCli(url, args, { stdin });

beforeAll(() => resetDatabase(sql));

describe("the marginalia command line", () => {
  test("a bad argument is one line on stderr and exit code 2, with nothing on stdout", async () => {
    const result = await cli(["user", "add", "--email", "not-an-address", "--role", "AUTHOR"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual(["error: --email must be an email address"]);
  });

  test("--help describes a command and exits 0", async () => {
    const result = await cli(["import", "substack", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--cookie-env <VAR>");
  });

  test("user add with --password-stdin creates an account that can sign in, and prints no password", async () => {
    const result = await cli(
      ["user", "add", "--email", "Editor@Example.com", "--role", "MODERATOR", "--password-stdin"],
      "a long enough password\n",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("created MODERATOR editor@example.com\n");
    const user = await db.user.findUniqueOrThrow({ where: { email: "editor@example.com" } });
    expect(user.role).toBe("MODERATOR");
    const signIn = await auth().api.signInEmail({
      body: { email: "editor@example.com", password: "a long enough password" },
      asResponse: true,
    });
    expect(signIn.status).toBe(200);
    const log = await db.moderationAction.findFirstOrThrow({
      where: { action: "USER_CREATED", targetId: user.id },
    });
    expect(log.after).toEqual({ email: "editor@example.com", role: "MODERATOR" });
  });

  test("user disable / enable / reset-password / set-role / sign-out / list manage an account, each logged", {
    timeout: 120_000,
  }, async () => {
    const email = "leaving@example.org";
    await cli(
      ["user", "add", "--email", email, "--role", "MODERATOR", "--password-stdin"],
      "first password 123\n",
    );
    const signInStatus = async (password: string) =>
      (await auth().api.signInEmail({ body: { email, password }, asResponse: true })).status;
    expect(await signInStatus("first password 123")).toBe(200);

    expect((await cli(["user", "disable", "--email", email])).stdout).toBe(`${email} is disabled\n`);
    expect(await signInStatus("first password 123")).toBe(403);
    expect((await cli(["user", "list"])).stdout).toContain(`MODERATOR\t${email}\tleaving\tdisabled\n`);
    expect((await cli(["user", "enable", "--email", email])).code).toBe(0);

    const reset = await cli(
      ["user", "reset-password", "--email", email, "--password-stdin"],
      "second password 456\n",
    );
    expect(reset.stdout).toBe(`new password set for ${email}\n`);
    expect(await signInStatus("first password 123")).toBe(401);
    expect(await signInStatus("second password 456")).toBe(200);

    expect((await cli(["user", "set-role", "--email", email, "--role", "VIEWER"])).stdout).toBe(
      `${email} is now VIEWER\n`,
    );
    expect((await cli(["user", "sign-out", "--email", email])).stdout).toBe("ended 0 session(s)\n");
    const unknown = await cli(["user", "disable", "--email", "nobody@example.org"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("no account with the email nobody@example.org");

    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const actions = await db.moderationAction.findMany({
      where: { targetId: user.id },
      orderBy: { id: "asc" },
    });
    expect(actions.map((a) => [a.action, a.actorId])).toEqual([
      ["USER_CREATED", null],
      ["USER_DISABLED", null],
      ["USER_ENABLED", null],
      ["USER_PASSWORD_RESET", null],
      ["USER_ROLE_CHANGED", null],
      ["USER_SESSIONS_REVOKED", null],
    ]);
  });
});
