// Every table of every module, for Drizzle's relational queries and drizzle-kit.
export * from '../audit/schema.js';
export { appSettings } from './settings.js';
export * from '../auth/schema.js';
export * from '../modules/organisation/schema.js';
export * from '../modules/registry/schema.js';
export * from '../modules/referrals/schema.js';
export * from '../modules/statements/schema.js';
export * from '../modules/meetings/schema.js';
export * from '../modules/notifications/schema.js';
export * from '../modules/archive-import/schema.js';
export * from '../modules/strategy/schema.js';
export * from '../modules/portfolio/schema.js';
