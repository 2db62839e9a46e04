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
});
