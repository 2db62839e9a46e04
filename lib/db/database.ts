import { env } from "@/lib/env";
import { type EmbeddedServer, startEmbeddedPostgres } from "./embedded";

export interface DatabaseHandle {
  url: string;
  /** The embedded server started for this process, if any. */
  embedded: EmbeddedServer | null;
  close(): Promise<void>;
}

/**
 * The database a CLI command or `npm start` works on: DATABASE_URL when set (nothing is started),
 * else the embedded server with its data in MARGINALIA_DATA_DIR.
 */
export async function openDatabase(log: (line: string) => void = () => {}): Promise<DatabaseHandle> {
  const config = env();
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, embedded: null, close: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: config.MARGINALIA_DATA_DIR,
    port: config.MARGINALIA_PG_PORT,
    onLog: (line) => {
      if (config.LOG_LEVEL === "debug") log(line);
    },
  });
  return { url: embedded.url, embedded, close: () => embedded.stop() };
}
