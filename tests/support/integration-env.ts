// Environment for integration tests: a fixed session secret (never a real one) and no telemetry.
process.env.BETTER_AUTH_SECRET ??= "integration-tests-only-secret-0123456789abcdef";
process.env.BETTER_AUTH_TELEMETRY = "0";
process.env.BETTER_AUTH_URL ??= "http://localhost:3000";
