import { pgTable, text } from 'drizzle-orm/pg-core';
import { eq } from 'drizzle-orm';
import type { Db } from './client.js';

/** Instance-wide settings shared by every app server (e.g. the generated signing secret). */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const settingsRepository = {
  async get(db: Db, key: string): Promise<string | undefined> {
    const [row] = await db.select().from(appSettings).where(eq(appSettings.key, key));
    return row?.value;
  },
  /** Insert unless present; returns the stored value, so concurrent first starts agree. */
  async getOrInsert(db: Db, key: string, value: string): Promise<string> {
    await db.insert(appSettings).values({ key, value }).onConflictDoNothing();
    return (await this.get(db, key)) ?? value;
  },
};
