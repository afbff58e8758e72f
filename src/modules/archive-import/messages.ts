import { defineMessages } from '../../core/i18n.js';

defineMessages({
  sv: {
    'archiveImport.bodyMissing': 'Handlingen nämner ingen beslutande eller mottagande nämnd.',
    'archiveImport.bodyUnknown': 'Nämnden finns inte i organisationen, och bara administratörer får lägga till nämnder vid import.',
    'archiveImport.dateMissing': 'Handlingen har inget datum och inget sammanträdesdatum.',
    'archiveImport.dateInFuture': 'Datumet ligger i framtiden.',
    'archiveImport.unclassified': 'Texten gick inte att känna igen som protokollsutdrag, tjänsteutlåtande eller promemoria.',
  },
  en: {
    'archiveImport.bodyMissing': 'The document names no deciding or addressed body.',
    'archiveImport.bodyUnknown': 'The body is not in the organisation, and only administrators may add bodies during an import.',
    'archiveImport.dateMissing': 'The document has neither a date nor a meeting date.',
    'archiveImport.dateInFuture': 'The date lies in the future.',
    'archiveImport.unclassified': 'The text could not be recognised as a protocol extract, statement or memo.',
  },
});
