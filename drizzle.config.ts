import { defineConfig } from 'drizzle-kit';

// One PostgreSQL schema for both drivers (PGlite and node-postgres); migrations are plain SQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './migrations',
});
