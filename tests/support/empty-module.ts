// Stands in for `server-only` under vitest: the real package throws outside Next's react-server build.
export {};
