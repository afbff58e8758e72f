import { z } from 'zod';

export const idParams = z.strictObject({ id: z.uuid() });

export const inboxQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional().describe('true: only unread notifications'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  lang: z.enum(['sv', 'en']).optional(),
});

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().describe('Message key, e.g. referral.received'),
    params: z.record(z.string(), z.string()),
    title: z.string().describe("In the reader's language"),
    text: z.string(),
    link: z.string().nullable().describe('A path inside Stadsnav'),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

export const inboxSchema = z.object({
  items: z.array(notificationSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  unread: z.number().int().describe('Unread notifications in all of the inbox'),
});

export const readAllSchema = z.object({ updated: z.number().int() });

export const errorSchema = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
});
