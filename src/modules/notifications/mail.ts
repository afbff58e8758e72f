import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../../config/index.js';
import type { Clock } from '../../core/clock.js';
import type { Db } from '../../db/client.js';
import { absoluteLinks, formatMailLogBlock } from './render.js';
import { notificationsRepository } from './repository.js';

/** What the delivery needs of a mail transport (nodemailer's, or a test double). */
export interface MailTransport {
  sendMail(mail: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
  close?(): void;
}

export type MailConfig = Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'MAIL_LOG_FILE' | 'STADSNAV_PUBLIC_URL'>;

export interface DeliveryResult {
  sent: number;
  failed: number;
}

/** A claimed row not confirmed within this time is taken again (the sender stopped mid-way). */
export const DELIVERY_LEASE_MS = 10 * 60 * 1000;
const BATCH = 50;

/**
 * Send the outbox: rows written by `notifyBodyRole` inside committed transactions. With SMTP_URL
 * they go out through nodemailer; without it each is appended to MAIL_LOG_FILE as a readable block.
 * A sent row gets `sent_at`; a failed one keeps `sent_at` empty and its `last_error`, and the next
 * run tries again. Rows are claimed first (see the repository), so parallel runs never send one
 * mail twice; a run that dies mid-way leaves its claims to be retried after the lease.
 */
export async function deliverPendingMail(
  db: Db,
  config: MailConfig,
  clock: Clock,
  opts: { transport?: MailTransport } = {},
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0 };
  let transport = opts.transport;
  let ownTransport = false;
  try {
    for (;;) {
      const now = clock.now();
      const batch = await notificationsRepository.claimPendingMail(db, now, new Date(now.getTime() - DELIVERY_LEASE_MS), BATCH);
      if (batch.length === 0) break;
      for (const row of batch) {
        const mail = { from: config.MAIL_FROM, to: row.toAddress, subject: row.subject, text: absoluteLinks(row.textBody, config.STADSNAV_PUBLIC_URL) };
        try {
          if (!transport && config.SMTP_URL) {
            transport = nodemailer.createTransport(config.SMTP_URL) as MailTransport;
            ownTransport = true;
          }
          if (transport) {
            await transport.sendMail(mail);
          } else {
            await mkdir(path.dirname(path.resolve(config.MAIL_LOG_FILE)), { recursive: true });
            await appendFile(config.MAIL_LOG_FILE, formatMailLogBlock({ at: clock.now(), ...mail }), 'utf8');
          }
          await notificationsRepository.markMailSent(db, row.id, clock.now());
          result.sent++;
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          await notificationsRepository.markMailFailed(db, row.id, message.slice(0, 1000) || 'error');
          result.failed++;
        }
      }
      // Failed rows are claimable again at once: stop after a batch with failures, retry next run.
      if (result.failed > 0 || batch.length < BATCH) break;
    }
  } finally {
    if (ownTransport) transport?.close?.();
  }
  return result;
}
