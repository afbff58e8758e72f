/**
 * Swedish first, English available. Each module registers its own messages with
 * `defineMessages`, so no single file becomes a merge hotspot.
 */
export const LOCALES = ['sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'sv';

type Catalog = Record<string, string>;
const catalogs: Record<Locale, Catalog> = { sv: {}, en: {} };

export function defineMessages(messages: { sv: Catalog; en: Catalog }): void {
  Object.assign(catalogs.sv, messages.sv);
  Object.assign(catalogs.en, messages.en);
}

export function isLocale(s: unknown): s is Locale {
  return typeof s === 'string' && (LOCALES as readonly string[]).includes(s);
}

/** Translate `key`, filling `{name}` placeholders. Falls back to Swedish, then to the key itself. */
export function t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = catalogs[locale][key] ?? catalogs.sv[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;
export const translator = (locale: Locale): Translate => (key, params) => t(locale, key, params);

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }),
};
export function formatDate(locale: Locale, d: Date | string | null | undefined): string {
  if (!d) return '';
  const date = typeof d === 'string' ? new Date(d.length === 10 ? `${d}T12:00:00Z` : d) : d;
  return dateFormats[locale].format(date);
}

defineMessages({
  sv: {
    'app.name': 'Stadsnav',
    'app.tagline': 'Stadens digitaliseringsarbete – öppet från remiss till resultat',
    'nav.skip': 'Hoppa till huvudinnehållet',
    'nav.main': 'Huvudmeny',
    'nav.home': 'Start',
    'nav.registry': 'Diarium',
    'nav.organisation': 'Organisation',
    'nav.referrals': 'Remisser',
    'nav.meetings': 'Sammanträden',
    'nav.inbox': 'Inkorg',
    'nav.import': 'Arkivimport',
    'nav.login': 'Logga in',
    'nav.logout': 'Logga ut',
    'nav.language': 'In English',
    'nav.admin': 'Användare',
    'nav.audit': 'Granskningslogg',
    'error.notFound': 'Sidan eller posten finns inte.',
    'error.forbidden': 'Du har inte behörighet att göra detta.',
    'error.unauthenticated': 'Du måste logga in.',
    'error.invalid': 'Uppgifterna innehåller fel. Rätta fälten nedan.',
    'error.conflict': 'Åtgärden krockar med befintliga uppgifter.',
    'error.rateLimited': 'För många försök. Vänta en stund och försök igen.',
    'error.internal': 'Ett oväntat fel inträffade. Inga uppgifter har ändrats.',
    'error.badJson': 'Begäran är inte giltig JSON.',
    'error.summaryTitle': 'Det finns {count} fel att rätta',
    'error.csrf': 'Formuläret har gått ut eller är ogiltigt. Ladda om sidan och försök igen.',
    'error.unknownField': 'Okänt fält.',
    'error.title': 'Fel',
    'paging.previous': 'Föregående',
    'paging.next': 'Nästa',
    'paging.label': 'Sidnavigering',
    'paging.status': 'Sida {page} av {pages} ({total} poster)',
    'form.save': 'Spara',
    'form.cancel': 'Avbryt',
    'form.required': '(obligatoriskt)',
    'common.yes': 'Ja',
    'common.no': 'Nej',
    'common.none': '–',
    'common.edit': 'Ändra',
    'common.delete': 'Ta bort',
    'common.create': 'Skapa',
    'common.search': 'Sök',
    'common.filter': 'Filtrera',
  },
  en: {
    'app.name': 'Stadsnav',
    'app.tagline': "The city's digitalisation work – open from referral to result",
    'nav.skip': 'Skip to main content',
    'nav.main': 'Main menu',
    'nav.home': 'Home',
    'nav.registry': 'Registry',
    'nav.organisation': 'Organisation',
    'nav.referrals': 'Referrals',
    'nav.meetings': 'Meetings',
    'nav.inbox': 'Inbox',
    'nav.import': 'Archive import',
    'nav.login': 'Log in',
    'nav.logout': 'Log out',
    'nav.language': 'På svenska',
    'nav.admin': 'Users',
    'nav.audit': 'Audit log',
    'error.notFound': 'The page or record does not exist.',
    'error.forbidden': 'You are not allowed to do this.',
    'error.unauthenticated': 'You need to log in.',
    'error.invalid': 'The input has errors. Correct the fields below.',
    'error.conflict': 'The action conflicts with existing records.',
    'error.rateLimited': 'Too many attempts. Wait a while and try again.',
    'error.internal': 'An unexpected error occurred. Nothing was changed.',
    'error.badJson': 'The request body is not valid JSON.',
    'error.summaryTitle': 'There are {count} errors to correct',
    'error.csrf': 'The form has expired or is invalid. Reload the page and try again.',
    'error.unknownField': 'Unknown field.',
    'error.title': 'Error',
    'paging.previous': 'Previous',
    'paging.next': 'Next',
    'paging.label': 'Pagination',
    'paging.status': 'Page {page} of {pages} ({total} records)',
    'form.save': 'Save',
    'form.cancel': 'Cancel',
    'form.required': '(required)',
    'common.yes': 'Yes',
    'common.no': 'No',
    'common.none': '–',
    'common.edit': 'Edit',
    'common.delete': 'Delete',
    'common.create': 'Create',
    'common.search': 'Search',
    'common.filter': 'Filter',
  },
});
