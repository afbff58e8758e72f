import { z } from 'zod';
import { ROLES } from '../actor.js';

export const userSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    locale: z.string(),
    active: z.boolean(),
    roles: z.array(z.object({ role: z.enum(ROLES), bodyId: z.uuid().nullable() })),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

export const meSchema = z.object({
  authenticated: z.boolean(),
  user: userSchema.nullable(),
  csrfToken: z.string(),
});

export const errorSchema = z
  .object({ error: z.string(), message: z.string(), fields: z.record(z.string(), z.array(z.string())).optional() })
  .meta({ id: 'Error' });
