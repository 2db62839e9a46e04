import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrateDatabase, diffMigrationsToSchema } from "@/lib/db/migrate";
import * as se from "@/lib/db/schema-engine";
process.on("uncaughtException", (e) => { console.log("UNCAUGHT", String(e), se.lastPanic); });
const s = await startEmbeddedPostgres();
try {
  console.log("diff first:", JSON.stringify(await diffMigrationsToSchema(s.url)).slice(0,200));
  console.log("applied", await migrateDatabase(s.url));
} catch (e) { console.log("ERR", String(e).slice(0,300), se.lastPanic); } finally { await s.stop(); }
