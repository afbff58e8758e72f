import path from 'node:path';
import { z } from 'zod';

/** Environment, validated once at start-up. Imports nothing of ours so every layer may use it. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  STADSNAV_DATA_DIR: z.string().default('./data'),
  STADSNAV_SESSION_SECRET: z.string().min(32).optional(),
  STADSNAV_PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  STADSNAV_SEED_DEMO: z.enum(['auto', 'always', 'never']).default('auto'),
  STADSNAV_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STADSNAV_MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(50 * 1024 * 1024),
  STADSNAV_LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  STADSNAV_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  /** smtp(s)://user:pass@host:port; when unset, e-mail is appended to MAIL_LOG_FILE instead. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().max(320).default('Stadsnav <stadsnav@localhost>'),
  /** Default: <STADSNAV_DATA_DIR>/mail.log */
  MAIL_LOG_FILE: z.string().optional(),
  /** How often undelivered e-mail is sent; 0 turns the poller off. */
  MAIL_FLUSH_INTERVAL_MS: z.coerce.number().int().min(0).default(5000),
}).transform((c) => ({ ...c, MAIL_LOG_FILE: c.MAIL_LOG_FILE ?? path.join(c.STADSNAV_DATA_DIR, 'mail.log') }));

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=`) means "not set", as in most twelve-factor apps.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Ogiltig konfiguration (invalid configuration):\n${lines.join('\n')}`);
  }
  return parsed.data;
}
