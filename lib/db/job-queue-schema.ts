import PgBoss from "pg-boss";
import { JOB_SCHEMA, QUEUE_OPTIONS, QUEUES } from "@/lib/jobs/queues";

/**
 * Installs or upgrades pg-boss's schema and creates the app's queues, as the database's owner: both create
 * tables, which the app's role may not. The app then only reads and writes rows there.
 */
export async function installJobQueueSchema(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: JOB_SCHEMA,
    max: 2,
    supervise: false,
    schedule: false,
  });
  boss.on("error", () => {});
  await boss.start();
  try {
    for (const name of Object.values(QUEUES)) await boss.createQueue(name, { name, ...QUEUE_OPTIONS[name] });
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
