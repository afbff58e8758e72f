import type { Localised } from './model.js';

/**
 * Recurring themes of referral answers, found with PostgreSQL's Swedish stemmer (the 'swedish'
 * text search configuration). A term is a word or a phrase of words (matched next to each other);
 * every word is stemmed, so "integritet" also finds "integriteten". A word ending in `*` matches
 * every word that starts with its stem: "samarbet*" finds "samarbete", "samarbetet" and
 * "samarbetsformer" (the stemmer leaves neuter definite forms such as "utanförskapet" alone, and
 * compounds such as "kostnadsfördelning" need the prefix too).
 *
 * Words: letters, digits and hyphens only. Edit freely; the unit tests check the syntax.
 */
export interface ThemeDefinition {
  id: string;
  label: Localised;
  terms: readonly string[];
}

export const THEMES: readonly ThemeDefinition[] = [
  {
    id: 'privacy',
    label: { sv: 'Personlig integritet och dataskydd', en: 'Privacy and data protection' },
    terms: ['integritet*', 'personlig* integritet*', 'personuppgift*', 'dataskydd*', 'GDPR', 'integritetsskydd*', 'känslig* uppgift*'],
  },
  {
    id: 'accessibility',
    label: { sv: 'Tillgänglighet och användarvänlighet', en: 'Accessibility and usability' },
    terms: ['tillgänglig*', 'användarvänlig*', 'användbarhet*', 'universell* utformning*', 'funktionsnedsättning*', 'lättläst*', 'lättöverskådlig*'],
  },
  {
    id: 'competence',
    label: { sv: 'Kompetensutveckling', en: 'Competence development' },
    terms: ['kompetensutveckling*', 'kompetens*', 'fortbildning*', 'utbildning*'],
  },
  {
    id: 'digitalExclusion',
    label: { sv: 'Digitalt utanförskap och delaktighet', en: 'Digital exclusion and inclusion' },
    terms: ['utanförskap*', 'digital* utanförskap*', 'delaktig*', 'inkludering*', 'digital* klyfta*'],
  },
  {
    id: 'costs',
    label: { sv: 'Kostnader och finansiering', en: 'Costs and funding' },
    terms: ['kostnad*', 'kostnadsfördelning*', 'finansier*', 'investering*', 'skattemedel*'],
  },
  {
    id: 'openData',
    label: { sv: 'Öppna data och transparens', en: 'Open data and transparency' },
    terms: ['öpp* dat*', 'öpp* arkiv*', 'transparens*', 'öppenhet*', 'offentlighetsprincip*'],
  },
  {
    id: 'cooperation',
    label: { sv: 'Samverkan och samarbete', en: 'Cooperation' },
    terms: ['samverk*', 'samarbet*', 'samordn*', 'partnerskap*'],
  },
  {
    id: 'informationSecurity',
    label: { sv: 'Informationssäkerhet och klassning', en: 'Information security and classification' },
    terms: ['informationssäkerhet*', 'informationsklassning*', 'klassning*', 'klassificering*', 'it-säkerhet*', 'cybersäkerhet*', 'sekretess*', 'riskanalys*'],
  },
];
