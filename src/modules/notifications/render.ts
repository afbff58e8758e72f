import { t, type Locale } from '../../core/i18n.js';
import './messages.js';

/** Pure text rendering of notifications and e-mail (unit-tested; no database). */

const KIND_PREFIX = 'notifications.kind.';

/** True when both messages of the kind exist (in Swedish, the fallback language). */
export function isKnownKind(kind: string): boolean {
  const key = `${KIND_PREFIX}${kind}.title`;
  return t('sv', key) !== key && t('sv', `${KIND_PREFIX}${kind}.text`) !== `${KIND_PREFIX}${kind}.text`;
}

/** Params as `t` reads them, with every missing placeholder filled with ''. */
function filled(params: Record<string, string>): Record<string, string> {
  return new Proxy(params, {
    get: (target, key) => (typeof key === 'string' && Object.hasOwn(target, key) ? target[key] : ''),
  });
}

export function renderNotification(locale: Locale, kind: string, params: Record<string, string>): { title: string; text: string } {
  const base = isKnownKind(kind) ? `${KIND_PREFIX}${kind}` : `${KIND_PREFIX}unknown`;
  const p = filled(params);
  return { title: t(locale, `${base}.title`, p), text: t(locale, `${base}.text`, p) };
}

/**
 * Subject and text of the e-mail for one recipient, in Swedish. A link inside Stadsnav is written
 * as `<path>` on a line of its own; `absoluteLinks` turns it into a full URL when the mail is sent
 * (the public URL is configuration, which the notifying command does not have).
 */
export function renderMail(input: { kind: string; params: Record<string, string>; link: string | null; recipientName: string }): {
  subject: string;
  text: string;
} {
  const { title, text } = renderNotification('sv', input.kind, input.params);
  const lines = [t('sv', 'notifications.mail.greeting', { name: input.recipientName }), '', text];
  if (input.link) lines.push('', t('sv', 'notifications.mail.open'), `<${input.link}>`);
  lines.push('', '-- ', t('sv', 'notifications.mail.footer'));
  // Subjects are one line: a title with a newline from a param would break the header.
  return { subject: title.replace(/\s+/g, ' ').trim().slice(0, 250), text: lines.join('\n') };
}

const LINK_LINE = /^<(\/(?!\/)[^\s>]*)>$/gm;

/** `</referrals/1>` on its own line → `<https://stadsnav.example/referrals/1>`. */
export function absoluteLinks(text: string, publicUrl: string): string {
  return text.replace(LINK_LINE, (_, path: string) => `<${new URL(path, publicUrl).toString()}>`);
}

/** One readable block per e-mail in the mail log (used when no SMTP server is configured). */
export function formatMailLogBlock(mail: { at: Date; from: string; to: string; subject: string; text: string }): string {
  return [
    `===== ${mail.at.toISOString()} =====`,
    `From: ${mail.from}`,
    `To: ${mail.to}`,
    `Subject: ${mail.subject}`,
    '',
    mail.text.replace(/\r\n/g, '\n').trimEnd(),
    '',
    '',
  ].join('\n');
}
