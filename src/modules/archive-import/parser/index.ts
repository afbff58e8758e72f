/**
 * Parser of the archive import: Swedish protocol extracts, statements and memos as text or PDF →
 * structured data (the dry-run contract). Pure functions, no database.
 */
export { parseDocument, toDryRunJson } from './parse-document.js';
export type { ParsedDocument, ParseExtra, ParseInput, SpecialStatement } from './parse-document.js';
export { extractText } from './extract-text.js';
export type { ExtractTextError, ExtractTextErrorCode, ExtractTextResult, ExtractTextOptions } from './extract-text.js';
export { repairOcr, isKnownWord } from './ocr-repair.js';
export type { OcrRepair, OcrRepairResult } from './ocr-repair.js';
export {
  dryRunResultSchema,
  memberSchema,
  proposalSchema,
  reservationSchema,
  referralSchema,
  signatorySchema,
  documentKinds,
  memberRoles,
} from './schema.js';
export type { DryRunResult, DocumentKind, Member, MemberRole, Proposal, Reservation, Referral, Signatory } from './schema.js';
export {
  REGISTRY_NUMBER_PATTERNS,
  findRegistryNumbers,
  isKnownRegistryNumber,
  matchRegistryNumberPattern,
  normalizeRegistryNumber,
} from './registry-number.js';
export type { FoundRegistryNumber, RegistryNumberPattern } from './registry-number.js';
export { findDates, parseSwedishDate } from './dates.js';
