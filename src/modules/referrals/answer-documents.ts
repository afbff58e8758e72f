/** A document of the recipient's case, as the registry lists it. */
export interface CaseDocument {
  documentId: string | null;
  kind: string | null;
  entryDate: string;
  documentNumber: number | null;
}

const newestFirst = (a: CaseDocument, b: CaseDocument) =>
  b.entryDate.localeCompare(a.entryDate) || (b.documentNumber ?? 0) - (a.documentNumber ?? 0);

/**
 * The answer to a referral is the protocol extract plus the statement. Default choice: the extract
 * remembered when the decision became final (if it is still in the case), else the case's newest
 * extract; and the newest statement.
 */
export function defaultAnswerDocuments(documents: readonly CaseDocument[], remembered: readonly string[] = []): string[] {
  const docs = documents.filter((d): d is CaseDocument & { documentId: string } => d.documentId !== null);
  const byKind = (kind: string) => docs.filter((d) => d.kind === kind).sort(newestFirst);
  const extracts = byKind('protocolExtract');
  const extract = extracts.find((d) => remembered.includes(d.documentId)) ?? extracts[0];
  const statement = byKind('statement')[0];
  return [extract, statement].filter((d): d is CaseDocument & { documentId: string } => d !== undefined).map((d) => d.documentId);
}
