import { loadConfig, type Config } from './config/index.js';
import { systemClock } from './core/clock.js';
import { createDb, type Database } from './db/client.js';
import { buildApp } from './http/app.js';
import type { App } from './http/types.js';

/** The only place that wires everything: config → database → migrations → demo data → server. */
export async function openDatabase(config: Config): Promise<Database> {
  return createDb({ databaseUrl: config.DATABASE_URL, dataDir: config.STADSNAV_DATA_DIR });
}

export interface Server {
  app: App;
  database: Database;
  close(): Promise<void>;
}

export async function startServer(config: Config = loadConfig(), hooks: { afterMigrate?: (db: Database) => Promise<void> } = {}): Promise<Server> {
  const database = await openDatabase(config);
  await database.migrate();
  await hooks.afterMigrate?.(database);
  const app = await buildApp({ database, config, clock: systemClock });
  await app.listen({ port: config.PORT, host: config.HOST });
  const close = async () => {
    await app.close();
    await database.close();
  };
  return { app, database, close };
}
