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
});

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
