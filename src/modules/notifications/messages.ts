import { defineMessages } from '../../core/i18n.js';

/**
 * Texts of the inbox and of the notification kinds. A kind "x.y" has two messages,
 * `notifications.kind.x.y.title` and `notifications.kind.x.y.text`, filled with the notification's
 * params (a missing param is left empty). Another module may add a kind by defining both keys in
 * its own messages.ts; an unknown kind is shown with the generic text.
 */
defineMessages({
  sv: {
    'notifications.inbox.title': 'Inkorg',
    'notifications.inbox.lead': 'Meddelanden till dig från Stadsnav, olästa först.',
    'notifications.inbox.unreadCount': '{count} olästa av {total}',
    'notifications.inbox.empty': 'Du har inga meddelanden.',
    'notifications.inbox.list': 'Meddelanden',
    'notifications.inbox.unread': 'Oläst',
    'notifications.inbox.readAt': 'Läst {date}',
    'notifications.inbox.received': 'Mottaget {date}',
    'notifications.inbox.open': 'Öppna ärendet',
    'notifications.inbox.markRead': 'Markera som läst',
    'notifications.inbox.markAllRead': 'Markera alla som lästa',
    'notifications.inbox.markedRead': 'Meddelandet är markerat som läst.',
    'notifications.inbox.markedAllRead': '{count} meddelanden har markerats som lästa.',
    'notifications.inbox.filterUnread': 'Visa bara olästa',
    'notifications.inbox.filterAll': 'Visa alla',
    'notifications.mail.greeting': 'Hej {name}!',
    'notifications.mail.open': 'Öppna i Stadsnav:',
    'notifications.mail.footer': 'Meddelandet finns också i din inkorg i Stadsnav. Det går inte att svara på det här e-postmeddelandet.',
    'notifications.kind.unknown.title': 'Nytt meddelande',
    'notifications.kind.unknown.text': 'Du har ett nytt meddelande i Stadsnav.',
    'notifications.kind.referral.received.title': 'Ny remiss: {subject}',
    'notifications.kind.referral.received.text':
      '{sender} har skickat remissen ”{subject}” till er. Den har registrerats med diarienummer {registryNumber}. Remisstiden går ut {deadline}.',
    'notifications.kind.referral.reminder.title': 'Påminnelse om remiss: {subject}',
    'notifications.kind.referral.reminder.text':
      'Remissen ”{subject}” (diarienummer {registryNumber}) ska besvaras senast {deadline}. Svaret har inte kommit in ännu.',
    'notifications.kind.referral.statusChanged.title': 'Remissen ”{subject}”: {body} – {status}',
    'notifications.kind.referral.statusChanged.text': 'Status för {body} i remissen ”{subject}” är nu: {status}.',
  },
  en: {
    'notifications.inbox.title': 'Inbox',
    'notifications.inbox.lead': 'Messages to you from Stadsnav, unread first.',
    'notifications.inbox.unreadCount': '{count} unread of {total}',
    'notifications.inbox.empty': 'You have no messages.',
    'notifications.inbox.list': 'Messages',
    'notifications.inbox.unread': 'Unread',
    'notifications.inbox.readAt': 'Read {date}',
    'notifications.inbox.received': 'Received {date}',
    'notifications.inbox.open': 'Open the case',
    'notifications.inbox.markRead': 'Mark as read',
    'notifications.inbox.markAllRead': 'Mark all as read',
    'notifications.inbox.markedRead': 'The message has been marked as read.',
    'notifications.inbox.markedAllRead': '{count} messages have been marked as read.',
    'notifications.inbox.filterUnread': 'Show unread only',
    'notifications.inbox.filterAll': 'Show all',
    'notifications.mail.greeting': 'Hello {name},',
    'notifications.mail.open': 'Open in Stadsnav:',
    'notifications.mail.footer': 'The message is also in your Stadsnav inbox. Replies to this e-mail are not read.',
    'notifications.kind.unknown.title': 'New message',
    'notifications.kind.unknown.text': 'You have a new message in Stadsnav.',
    'notifications.kind.referral.received.title': 'New referral: {subject}',
    'notifications.kind.referral.received.text':
      '{sender} has sent you the referral “{subject}”. It has been registered as {registryNumber}. The deadline for answers is {deadline}.',
    'notifications.kind.referral.reminder.title': 'Reminder of referral: {subject}',
    'notifications.kind.referral.reminder.text':
      'The referral “{subject}” (registry number {registryNumber}) is to be answered by {deadline}. No answer has been received yet.',
    'notifications.kind.referral.statusChanged.title': 'Referral “{subject}”: {body} – {status}',
    'notifications.kind.referral.statusChanged.text': 'The status of {body} in the referral “{subject}” is now: {status}.',
  },
});
