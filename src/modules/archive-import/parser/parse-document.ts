/**
 * parseDocument: a Swedish protocol extract, statement (tjänsteutlåtande/utlåtande) or memo as
 * text → the dry-run contract (`DryRunResult`) plus what the importer may want besides
 * (original and repaired text, OCR repairs, sections, special statements, vote counts).
 *
 * Pure and synchronous; never throws (any failure inside becomes a warning on an otherwise empty
 * result).
 */
import { DATE_SOURCE, findDates, parseSwedishDate } from './dates.js';
import { CONTENT_KEYS, layoutDocument, type Block, type Layout, type Section } from './layout.js';
import { looksLikeMembers, parseMembers, partiesByName, partiesOf } from './members.js';
import { repairOcr, type OcrRepair } from './ocr-repair.js';
import {
  administrationForBoard,
  boardForAdministration,
  findOrganisations,
  normalizeBodyName,
  sameOrg,
} from './organisations.js';
import { findRegistryNumbers, type FoundRegistryNumber } from './registry-number.js';
import type { DocumentKind, DryRunResult, Member, Proposal, Referral, Reservation, Signatory } from './schema.js';
import { fold, normalizeInput, splitSentences, squash, stripQuotes } from './text-utils.js';

export interface SpecialStatement {
  members: Member[];
  parties: string[];
  text: string | null;
}

export interface ParseExtra {
  /** every section found, in order, with its paragraphs joined by blank lines */
  sections: Array<{ key: string; heading: string | null; text: string }>;
  /** the second line of the title block ("Yttrande till kommunstyrelsen") */
  subtitle: string | null;
  /** case officers (handläggare) named in the header */
  caseOfficers: string[];
  /** full text of each member proposal (same order as `result.proposals`), or null */
  proposalTexts: Array<string | null>;
  specialStatements: SpecialStatement[];
  vote: { yes: number; no: number; abstained: number | null } | null;
  /** "beslutet förklaras omedelbart justerat" */
  immediateApproval: boolean;
  /** date of the administration's statement a protocol extract refers to */
  statementDate: string | null;
  registryNumbers: FoundRegistryNumber[];
  /** the text was laid out as double-spaced hard-wrapped lines */
  doubleSpaced: boolean;
}

export interface ParsedDocument {
  /** the dry-run contract object */
  result: DryRunResult;
  /** the input as given */
  originalText: string;
  /** the input after normalisation (line ends, BOM) and OCR repair: what was parsed */
  text: string;
  repairs: OcrRepair[];
  extra: ParseExtra;
}

export interface ParseInput {
  file: string;
  text: string;
}

// ---------------------------------------------------------------- helpers

function paras(section: Section): Block[] {
  return section.blocks.filter((b) => b.kind === 'para');
}

function sectionText(section: Section): string {
  return paras(section)
    .map((b) => b.text)
    .join('\n\n');
}

function stripNumber(text: string): string {
  return text.replace(/^[”"“]?\s*\(?\d{1,2}\s*[.)]\s+/, '').trim();
}

function cleanItem(text: string): string {
  return squash(stripNumber(text).replace(/^bilaga\s+\d+\s*[:.]?\s*/i, '')).replace(/\.$/, '');
}

/** Points of a decision or proposed decision: numbered/bulleted items, else paragraphs. */
function points(blocks: Block[], extra: { immediateApproval: boolean }): string[] {
  const out: string[] = [];
  const list = blocks.filter((b) => b.kind === 'para');
  const hasItems = list.some((b) => b.number !== null && b.number !== undefined);
  for (const b of list) {
    const t = squash(b.text);
    if (/omedelbart justera/i.test(t)) {
      extra.immediateApproval = true;
      continue;
    }
    if (b.number !== null && b.number !== undefined) out.push(stripNumber(t));
    else if (b.bullet) out.push(t);
    else if (hasItems && out.length === 0 && /:$/.test(t)) continue; // "Nämnden beslutar följande:"
    else out.push(t);
  }
  return out.filter((p) => p.length > 0);
}

function normalizeQuotes(text: string): string {
  // OCR debris: ”’Strategi …” / “’världens …” → ”Strategi …”
  return text.replace(/([”"“„])\s*[’']+/g, '$1').replace(/[’']+\s*([”"“])/g, '$1');
}

const DATE = DATE_SOURCE;

function firstMatchDate(text: string, res: RegExp[]): string | null {
  for (const re of res) {
    const m = re.exec(text);
    if (m?.[1]) {
      const iso = parseSwedishDate(m[1]);
      if (iso) return iso;
    }
  }
  return null;
}

const SUBTITLE_RE = /^(?:yttrande till|svar på remiss|remiss från|remissvar till|remissvar|yttrande över remiss från|svar till)\b/i;
const LETTERHEAD_RE = /^(?:från\b|till:|stockholms stad|sida \d|sid \d|telefon|tfn|e-post|besöksadress|postadress|datum|sammanträdesdatum|justerat|dnr|diarienummer|§\s*\d|bilaga\b|protokoll\b|protokollsutdrag|utdrag ur protokoll|tjänsteutlåtande|utlåtande|pm\b|promemoria|minnesanteckning|handläggare)/i;

// ---------------------------------------------------------------- kind

function classify(layout: Layout, flat: string, front: Section[]): DocumentKind {
  const frontText = front.map((s) => [s.heading ?? '', sectionText(s)].join('\n')).join('\n');
  const keys = new Set(layout.sections.map((s) => s.key));
  const headings = layout.sections.map((s) => fold(s.heading ?? ''));
  let protocol = 0;
  let statement = 0;
  let memo = 0;
  if (/(?:^|\n)\s*§\s*\d{1,4}\b/.test(frontText) || /^\s*§\s*\d{1,4}\b/.test(flat)) protocol += 3;
  if (/protokollsutdrag|utdrag ur protokoll|protokoll fört|vid protokollet|justeras|justerat|sammanträdesdatum/i.test(flat)) protocol += 3;
  if (layout.sections.some((s) => s.key === 'decision' && s.prefix && /nämnd|styrelse|fullmäktige|råd|utskott|beredning/i.test(s.prefix))) protocol += 2;
  if (keys.has('decision')) protocol += 1;
  if (keys.has('reservation') || keys.has('procedure') || keys.has('specialStatement')) protocol += 2;
  if (/\b(?:föreslog|yrkade|reserverade sig|ställde (?:förslagen|proposition))\b/i.test(flat)) protocol += 1;

  if (headings.some((h) => /^(?:tjansteutlatande|utlatande)$/.test(h)) || /^\s*(?:tjänsteutlåtande|utlåtande)\b/im.test(frontText)) statement += 3;
  if (/\bdetta (?:tjänste)?utlåtande\b/i.test(flat)) statement += 3;
  if (layout.sections.some((s) => s.key === 'proposal' && s.prefix && /(?:förvaltningens|kontorets)$/i.test(s.prefix))) statement += 3;
  if (headings.some((h) => /^arendets beredning$|^beredning$/.test(h))) statement += 2;
  if (headings.some((h) => /synpunkter/.test(h))) statement += 2;
  if (keys.has('caseOfficers')) statement += 1;
  if (keys.has('to')) statement += 1;
  if (keys.has('proposal') && !keys.has('reservation') && !keys.has('decision')) statement += 1;

  if (headings.some((h) => /^(?:pm|promemoria|minnesanteckningar?|tjansteanteckning)$/.test(h))) memo += 4;
  if (/^\s*(?:pm|promemoria|minnesanteckningar?|tjänsteanteckning)\b/im.test(frontText)) memo += 4;

  const best = Math.max(protocol, statement, memo);
  if (best < 2) return 'unknown';
  if (protocol === best) return 'protocolExtract';
  if (statement === best) return 'statement';
  return 'memo';
}

// ---------------------------------------------------------------- title

function frontSections(layout: Layout): Section[] {
  const out: Section[] = [];
  for (const s of layout.sections) {
    if (CONTENT_KEYS.has(s.key)) break;
    out.push(s);
  }
  return out;
}

function findTitle(front: Section[]): { title: string | null; subtitle: string | null } {
  const candidates: string[] = [];
  for (const s of front) {
    if (s.key === 'other' && s.heading) candidates.push(s.heading);
    paras(s).forEach((b, i) => {
      if (s.key === 'to' && i === 0) return; // the addressee
      if (s.key === 'caseOfficers' && (/^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,3}$/u.test(b.text) || /@|\d{2,}/.test(b.text))) return;
      candidates.push(b.text);
    });
  }
  const usable = candidates
    .map((c) => squash(normalizeQuotes(c)))
    .filter((c) => c.length >= 3 && c.length <= 250)
    .filter((c) => !LETTERHEAD_RE.test(c))
    .filter((c) => !/^[\d\s./-]+$/.test(c) && findDates(c).every((d) => d.length < c.length - 3))
    .filter((c) => !/^(?:\p{Lu}[\p{L}-]*(?:nämnden|förvaltningen|kontoret|styrelsen|avdelningen|enheten|staben|sektionen|byrån)|kommunfullmäktige)$/iu.test(c))
    .filter((c) => !/^\p{Lu}[\p{L}-]*s\s+(?:stadsdelsnämnd|stadsdelsförvaltning)$/u.test(c));
  const main = usable.find((c) => !SUBTITLE_RE.test(c)) ?? null;
  const title = main ?? usable[0] ?? null;
  const subtitle = usable.find((c) => c !== title && SUBTITLE_RE.test(c)) ?? null;
  return { title, subtitle };
}

// ---------------------------------------------------------------- proposals, reservations

const PROPOSAL_VERB = /\s(föreslår|föreslog|föreslagit|yrkar|yrkade|yrkat|lägger fram|lade fram|lagt fram|instämmer|instämde|tillstyrker|tillstyrkte)\b/u;

interface ProposalDraft {
  proposal: Proposal;
  text: string | null;
}

function parseProposals(sections: Section[]): ProposalDraft[] {
  const drafts: ProposalDraft[] = [];
  for (const s of sections) {
    let open: { draft: ProposalDraft; collecting: boolean; parts: string[]; points: string[] } | null = null;
    const close = (): void => {
      if (!open) return;
      if (open.parts.length > 0) open.draft.text = open.parts.join('\n\n');
      if (open.points.length > 0) open.draft.proposal.summary = `${open.draft.proposal.summary} ${open.points.join(' ')}`;
      open = null;
    };
    for (const b of paras(s)) {
      const sentences = splitSentences(b.text);
      let matchedAny = false;
      for (const sentence of sentences) {
        const m = PROPOSAL_VERB.exec(sentence);
        const subject = m ? sentence.slice(0, m.index) : '';
        if (!m || !looksLikeMembers(subject)) continue;
        matchedAny = true;
        close();
        const members = parseMembers(subject);
        const summary = squash(sentence.slice(m.index + 1));
        const draft: ProposalDraft = { proposal: { members, parties: partiesOf(members), summary }, text: null };
        drafts.push(draft);
        open = { draft, collecting: /:\s*$/.test(sentence), parts: [], points: [] };
      }
      if (matchedAny) continue;
      const cur: { draft: ProposalDraft; collecting: boolean; parts: string[]; points: string[] } | null = open;
      if (cur && cur.collecting) {
        const t = squash(b.text);
        cur.parts.push(t);
        if (b.number !== null && b.number !== undefined) cur.points.push(t.replace(/^[”"“]\s*/, ''));
      }
    }
    close();
  }
  return drafts;
}

const RESERVE_RE = /\breserver(?:ar|ade|at)\s+sig\b/i;

function normalizeInFavour(phrase: string | null): string | null {
  if (!phrase) return null;
  const p = squash(phrase).replace(/[.,;:]+$/, '');
  const f = fold(p);
  if (/^(?:sitt|sina|sin|deras|dess|eget|egna|eget|gemensamma)?\s*(?:eget|egna|gemensamma)\s+(?:forslag|yrkande|yrkanden)/.test(f)) return 'own proposal';
  if (/^(?:sitt|sina|sin)\s+(?:forslag|yrkande)/.test(f)) return 'own proposal';
  if (/^forvaltningens (?:forslag|forslag till beslut)/.test(f)) return "administration's proposal";
  if (/^ordforandens forslag/.test(f)) return "chair's proposal";
  return p;
}

function memberOverlap(a: Member[], b: Member[]): boolean {
  const names = new Set(a.map((m) => m.name).filter((n): n is string => Boolean(n)));
  if (b.some((m) => m.name && names.has(m.name))) return true;
  const pa = new Set(partiesOf(a));
  return pa.size > 0 && partiesOf(b).some((p) => pa.has(p));
}

function quotedRun(blocks: Block[], start: number): { text: string; end: number } | null {
  const first = blocks[start];
  if (!first || !/^[”"“„«]/.test(first.text)) return null;
  const parts: string[] = [];
  for (let i = start; i < blocks.length; i++) {
    const t = squash(blocks[i]!.text);
    parts.push(t);
    if (/[”"»]$/.test(t.replace(/[.\s]+$/, '')) || /[”"»][.]?$/.test(t)) {
      const joined = parts.join('\n\n');
      return { text: stripQuotes(joined).replace(/\s*[”"]\s*$/, '').trim(), end: i };
    }
  }
  return { text: stripQuotes(parts.join('\n\n')), end: blocks.length - 1 };
}

function parseReservations(sections: Section[], proposals: ProposalDraft[], kind: 'reservation' | 'specialStatement'): Reservation[] {
  const out: Reservation[] = [];
  const verb = kind === 'reservation' ? RESERVE_RE : /\b(?:lämna(?:r|de)?|anmäl(?:er|de)|avge(?:r)?|avgav)\s+(?:ett\s+|följande\s+|gemensamt\s+)?(?:särskilt uttalande|särskilda uttalanden|särskilt yttrande|protokollsanteckning)/i;
  for (const s of sections) {
    const blocks = paras(s);
    let i = 0;
    let current: Reservation | null = null;
    let refersBelow = false;
    const bodyParts: string[] = [];
    const finish = (): void => {
      if (!current) return;
      if (!current.text && bodyParts.length > 0) current.text = bodyParts.join('\n\n');
      if (!current.text && (refersBelow || current.inFavourOf === 'own proposal')) {
        const members = current.members;
        const match = proposals.find((p) => p.text && memberOverlap(members, p.proposal.members));
        if (match) current.text = match.text;
      }
      out.push(current);
      current = null;
      refersBelow = false;
      bodyParts.length = 0;
    };
    while (i < blocks.length) {
      const b = blocks[i]!;
      const sentences = splitSentences(b.text);
      const idx = sentences.findIndex((x) => verb.test(x));
      if (idx >= 0) {
        finish();
        const sentence = sentences[idx]!;
        const vm = verb.exec(sentence)!;
        let subject = sentence.slice(0, vm.index).trim();
        if (!looksLikeMembers(subject)) {
          // "Mot beslutet reserverade sig Anna Ek (S) och …"
          const after = sentence.slice(vm.index + vm[0].length).replace(/^\s*(?:mot beslutet)?\s*/i, '');
          subject = after.split(/\s+till förmån\b|\s+mot\b|[.;]/)[0] ?? '';
        }
        const members = parseMembers(subject);
        const favour = /till förmån för\s+(.+?)(?=\s+som\b|\s+enligt\b|\s+och\s+(?:anför|lämna|yttra)|[.;:]|$)/i.exec(sentence)?.[1] ?? null;
        current = { members, parties: partiesOf(members), inFavourOf: normalizeInFavour(favour), text: null };
        refersBelow = /(?:redovisas|återges|framgår)\s+(?:nedan|ovan)|enligt nedan|se nedan|bilagda?/i.test(sentence);
        const rest = sentences.slice(idx + 1).join(' ');
        const anf = /anför(?:de|t)?\s+(?:följande|bl\.a\.)?\s*:?\s*(.*)$/i.exec(sentence);
        if (anf?.[1] && anf[1].length > 20) bodyParts.push(stripQuotes(anf[1]));
        if (rest.length > 0) bodyParts.push(stripQuotes(rest));
        i++;
        const quoted = quotedRun(blocks, i);
        if (quoted) {
          current.text = quoted.text;
          i = quoted.end + 1;
        }
        continue;
      }
      if (current) bodyParts.push(squash(b.text));
      i++;
    }
    finish();
  }
  return out;
}

// ---------------------------------------------------------------- bodies

function boardAtStart(text: string): string | null {
  const t = stripNumber(squash(text));
  const orgs = findOrganisations(t.slice(0, 160));
  const first = orgs[0];
  if (first && first.kind === 'board' && !first.generic && first.index <= 2) return first.name;
  return null;
}

function findBody(kind: DocumentKind, layout: Layout, front: Section[], proposedDecision: string[], decision: string[], administration: string | null): string | null {
  const to = layout.sections.find((s) => s.key === 'to');
  if (kind === 'statement' || kind === 'memo') {
    if (to) {
      const first = paras(to)[0]?.text ?? '';
      const name = normalizeBodyName(first);
      if (name) return name;
    }
    // "Till X" on one line, in the header or in a header block such as "Handläggare".
    for (const s of [...front, ...layout.sections.slice(0, 3)]) {
      for (const b of paras(s)) {
        const m = /^till:?\s+(.{3,80})$/i.exec(squash(b.text));
        if (m) {
          const name = normalizeBodyName(m[1]!);
          if (name) return name;
        }
      }
    }
    for (const p of proposedDecision) {
      const name = boardAtStart(p);
      if (name) return name;
    }
    if (kind === 'statement' && administration) return boardForAdministration(administration);
    return null;
  }
  if (kind === 'protocolExtract') {
    for (const s of layout.sections) {
      if (s.key !== 'decision' || !s.prefix) continue;
      const name = normalizeBodyName(`${s.prefix.replace(/s$/, '')}`) ?? normalizeBodyName(s.prefix);
      if (name) return name;
    }
    for (const p of decision) {
      const name = boardAtStart(p);
      if (name) return name;
    }
    for (const s of front) {
      for (const b of paras(s)) {
        if (SUBTITLE_RE.test(b.text)) continue;
        const name = normalizeBodyName(b.text);
        if (name) return name;
      }
    }
    if (administration) return boardForAdministration(administration);
  }
  return null;
}

function findAdministration(kind: DocumentKind, layout: Layout, flat: string, bodyHint: string | null): { name: string | null; genericOnly: string | null } {
  for (const s of layout.sections) {
    if (s.key === 'proposal' && s.prefix && /(?:förvaltningens|kontorets)$/i.test(s.prefix)) {
      const orgs = findOrganisations(s.prefix);
      const a = orgs.find((o) => o.kind === 'administration' && !o.generic);
      if (a) return { name: a.name, genericOnly: null };
    }
  }
  // "Från: Stadsledningskontoret, avdelningen för …" in a memo or letter header
  const from = /(?:^|\n)\s*från\s*:\s*([^\n]{3,120})/iu.exec(flat);
  if (from) {
    const a = findOrganisations(from[1]!).find((o) => o.kind === 'administration' && !o.generic);
    if (a) return { name: a.name, genericOnly: null };
  }
  const counts = new Map<string, { name: string; count: number; first: number }>();
  let generic: string | null = null;
  for (const o of findOrganisations(flat)) {
    if (o.kind !== 'administration') continue;
    if (o.generic) {
      if (!generic && /^stadsdelsförvaltning/i.test(o.name)) generic = o.name;
      continue;
    }
    const key = fold(o.name);
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { name: o.name, count: 1, first: o.index });
  }
  const candidates = [...counts.values()].filter(
    (c) => !/^stadsledningskontoret$/i.test(c.name) || (bodyHint !== null && /^kommunstyrelsen$/i.test(bodyHint)),
  );
  if (bodyHint) {
    const expected = administrationForBoard(bodyHint);
    const hit = expected ? candidates.find((c) => sameOrg(c.name, expected)) : undefined;
    if (hit) return { name: hit.name, genericOnly: null };
  }
  if (candidates.length === 0) return { name: null, genericOnly: kind === 'unknown' ? null : generic };
  candidates.sort((a, b) => b.count - a.count || a.first - b.first);
  return { name: candidates[0]!.name, genericOnly: null };
}

// ---------------------------------------------------------------- referral

function findReferral(flat: string, title: string | null, subtitle: string | null, attachments: string[]): Referral | null {
  if (!/\bremiss|\byttrande över\b/i.test(flat)) return null;
  const text = normalizeQuotes(flat);
  let subject: string | null = null;
  // look only around the words "remiss…" (cheap on long texts)
  const windows: string[] = [];
  const lowerText = text.toLowerCase();
  for (let i = lowerText.indexOf('remiss'); i >= 0 && windows.length < 50; i = lowerText.indexOf('remiss', i + 6)) {
    if (i > 0 && /\p{L}/u.test(text[i - 1]!)) continue;
    windows.push(text.slice(i, i + 320));
  }
  for (const w of windows) {
    const quoted = /^remiss(?:en)?\s+(?:om\s+|avseende\s+|gällande\s+|angående\s+)?[”"“„«]\s*([^”"“„«»]{5,200}?)\s*[”"“»]/i.exec(w);
    if (quoted) {
      subject = quoted[1]!;
      break;
    }
  }
  if (!subject) {
    for (const w of windows) {
      const about = /^remiss(?:en)?\s+(?:om|avseende|gällande|angående)\s+(\p{Lu}[^.;]{4,200}?)(?=,\s*(?:dnr|diarienummer)|\s+\(?dnr\b|[.;]|$)/iu.exec(w);
      if (about) {
        subject = about[1]!;
        break;
      }
    }
  }
  if (!subject && title) {
    const t = title
      .replace(/[\s,–—-]*(?:svar på remiss(?:en)?(?: från .*)?|remissvar(?: till .*)?|yttrande till .*|remiss från .*)\s*$/i, '')
      .trim();
    if (t.length >= 5 && !/^(?:yttrande|svar|remiss)\b/i.test(t)) subject = t;
  }
  if (!subject && attachments.length > 0) {
    const a = attachments[0]!;
    const q = /[”"“]([^”"“]{5,200})[”"“]/.exec(a);
    if (q) subject = q[1]!;
    else if (!/^remiss/i.test(a)) subject = a;
  }
  let sender: string | null = null;
  const senderPatterns = [
    /\bremiss(?:en)?\s+från\s+([\p{L}-]+(?:\s+[\p{L}-]+){0,3})/iu,
    /\byttrande till\s+([\p{L}-]+(?:\s+[\p{L}-]+){0,3})/iu,
    /\bremissvar till\s+([\p{L}-]+(?:\s+[\p{L}-]+){0,3})/iu,
    /\böverlämnar\s+(?:det|ärendet|yttrandet|tjänsteutlåtandet|utlåtandet|remissvaret|svaret|förvaltningens tjänsteutlåtande)?\s*till\s+([\p{L}-]+(?:\s+[\p{L}-]+){0,3})/iu,
  ];
  for (const source of [subtitle ?? '', text]) {
    const lowerSource = source.toLowerCase();
    if (!/ från | till /.test(lowerSource)) continue;
    for (const re of senderPatterns) {
      const m = re.exec(source);
      if (!m) continue;
      const orgs = findOrganisations(m[1]!).filter((o) => !o.generic);
      if (orgs[0]) {
        sender = orgs[0].name;
        break;
      }
    }
    if (sender) break;
  }
  const lower = text.toLowerCase();
  const deadline = !/remisstid|senast|svarsdag|svarsdatum|före den/.test(lower) ? null : firstMatchDate(text, [
    new RegExp(`remisstiden\\s+(?:sträcker sig|löper ut|går ut|utgår|slutar)\\s+(?:till\\s+)?(?:och med\\s+)?(?:den\\s+)?(${DATE})`, 'iu'),
    new RegExp(`(?:svar(?:et)?|yttrande(?:t)?|remissvar(?:et)?)\\s+(?:ska|skall|bör|ombeds)\\s+(?:[\\p{L}]+\\s+){0,4}?(?:senast|före)\\s+(?:den\\s+)?(${DATE})`, 'iu'),
    new RegExp(`remisstid(?:en)?\\s*:?\\s*(?:till\\s+)?(?:den\\s+)?(${DATE})`, 'iu'),
    new RegExp(`(?:sista svarsdag|svarsdatum|senast svar)\\s*:?\\s*(?:den\\s+)?(${DATE})`, 'iu'),
  ]);
  const letterDate = !/daterad|daterat|remiss(?:en)? från/.test(lower) ? null : firstMatchDate(text, [
    new RegExp(`remiss(?:brevet|skrivelsen|en)?\\s+(?:är|var)\\s+(?:daterade|daterad|daterat)\\s+(?:den\\s+)?(${DATE})`, 'iu'),
    new RegExp(`remiss(?:brev(?:et)?|skrivelse(?:n)?|en)?\\s+(?:daterade|daterad|daterat)\\s+(?:den\\s+)?(${DATE})`, 'iu'),
    new RegExp(`remiss(?:en)?\\s+från\\s+[\\p{L}-]+\\s+(?:(?:daterade|daterad|daterat)|den)\\s+(?:den\\s+)?(${DATE})`, 'iu'),
  ]);
  return { subject: subject ? squash(stripQuotes(subject)) : null, sender, deadline, letterDate };
}

// ---------------------------------------------------------------- main

function emptyResult(file: string): DryRunResult {
  return {
    file,
    kind: 'unknown',
    title: null,
    body: null,
    administration: null,
    registryNumbers: [],
    paragraph: null,
    meetingDate: null,
    documentDate: null,
    referral: null,
    proposedDecision: [],
    decision: [],
    proposals: [],
    procedure: null,
    reservations: [],
    signatories: [],
    attachments: [],
    warnings: [],
  };
}

function emptyExtra(): ParseExtra {
  return {
    sections: [],
    subtitle: null,
    caseOfficers: [],
    proposalTexts: [],
    specialStatements: [],
    vote: null,
    immediateApproval: false,
    statementDate: null,
    registryNumbers: [],
    doubleSpaced: false,
  };
}

export function parseDocument(input: ParseInput): ParsedDocument {
  const file = typeof input?.file === 'string' ? input.file : '';
  const originalText = typeof input?.text === 'string' ? input.text : '';
  try {
    return parseUnsafe(file, originalText);
  } catch (err) {
    const result = emptyResult(file);
    result.warnings.push(`The parser failed on this document (${err instanceof Error ? err.message : String(err)}).`);
    return { result, originalText, text: originalText, repairs: [], extra: emptyExtra() };
  }
}

function parseUnsafe(file: string, originalText: string): ParsedDocument {
  const result = emptyResult(file);
  const extra = emptyExtra();
  const warnings = result.warnings;
  const normalized = normalizeInput(originalText);
  const { text, repairs } = repairOcr(normalized);
  const layout = layoutDocument(text);
  extra.doubleSpaced = layout.doubleSpaced;
  const flat = layout.blocks.map((b) => b.text).join('\n\n');
  const flatOneLine = flat.replace(/\s+/g, ' ');
  extra.sections = layout.sections.map((s) => ({ key: s.key, heading: s.heading, text: sectionText(s) }));

  if (!/\S/.test(text)) {
    warnings.push('The document is empty.');
    return { result, originalText, text, repairs, extra };
  }

  const front = frontSections(layout);
  const kind = classify(layout, flat, front);
  result.kind = kind;

  // title
  const { title, subtitle } = findTitle(front);
  result.title = title;
  extra.subtitle = subtitle;

  // registry numbers
  extra.registryNumbers = findRegistryNumbers(flat);
  result.registryNumbers = extra.registryNumbers.map((r) => r.value);

  // paragraph (§)
  const frontText = front.map((s) => [s.heading ?? '', sectionText(s)].join('\n')).join('\n');
  if (kind === 'protocolExtract') {
    const m = /(?:^|\n)\s*§\s*(\d{1,4})\b/.exec(frontText) ?? /(?:^|\n)\s*§\s*(\d{1,4})\b/.exec(flat.slice(0, 600));
    result.paragraph = m ? Number(m[1]) : null;
  }

  // decisions and proposed decisions
  const decisionSections = layout.sections.filter((s) => s.key === 'decision');
  result.decision = decisionSections.flatMap((s) => points(s.blocks, extra));
  const proposalSections = layout.sections.filter((s) => s.key === 'proposal');
  let drafts: ProposalDraft[] = [];
  for (const s of proposalSections) {
    const adminPrefix = Boolean(s.prefix && /(?:förvaltningens|kontorets)$/i.test(s.prefix));
    const memberDrafts = adminPrefix || kind === 'statement' ? [] : parseProposals([s]);
    if (memberDrafts.length > 0) drafts = drafts.concat(memberDrafts);
    else result.proposedDecision.push(...points(s.blocks, extra));
  }

  // party gaps: "… och tjänstgörande ersättaren Inga-Lill Persson föreslår" — the party is given elsewhere
  const knownParties = partiesByName(flat);
  const fillParty = (members: Member[]): void => {
    for (const m of members) {
      if (m.party || !m.name) continue;
      const p = knownParties.get(m.name);
      if (p) {
        m.party = p;
        const w = `Party of "${m.name}" inferred as ${p} from elsewhere in the document.`;
        if (!warnings.includes(w)) warnings.push(w);
      }
    }
  };
  for (const d of drafts) {
    fillParty(d.proposal.members);
    d.proposal.parties = partiesOf(d.proposal.members);
  }
  result.proposals = drafts.map((d) => d.proposal);
  extra.proposalTexts = drafts.map((d) => d.text);

  // procedure, vote
  const procedureSections = layout.sections.filter((s) => s.key === 'procedure');
  const procedure = procedureSections.map((s) => sectionText(s)).filter((t) => t.length > 0).join('\n\n');
  result.procedure = procedure.length > 0 ? procedure : null;
  const vote = /(\d+)\s+ja-?\s?röster\s+(?:mot|och)\s+(\d+)\s+nej-?\s?röster(?:[^.]*?(\d+)\s+(?:ledamöter\s+|ledamot\s+)?(?:avst(?:od|år|ått)|avstod från att rösta|nedlagda))?/i.exec(
    flatOneLine,
  );
  if (vote) extra.vote = { yes: Number(vote[1]), no: Number(vote[2]), abstained: vote[3] ? Number(vote[3]) : null };

  // reservations and special statements
  let reservationSections = layout.sections.filter((s) => s.key === 'reservation');
  if (reservationSections.length === 0) {
    reservationSections = layout.sections.filter((s) => (s.key === 'decision' || s.key === 'procedure') && RESERVE_RE.test(sectionText(s)));
  }
  result.reservations = parseReservations(reservationSections, drafts, 'reservation');
  for (const r of result.reservations) {
    fillParty(r.members);
    r.parties = partiesOf(r.members);
  }
  const specialSections = layout.sections.filter((s) => s.key === 'specialStatement');
  extra.specialStatements = parseReservations(specialSections, drafts, 'specialStatement').map((r) => {
    fillParty(r.members);
    return { members: r.members, parties: partiesOf(r.members), text: r.text };
  });

  // signatories and case officers
  const signatories: Signatory[] = [];
  for (const b of layout.blocks) if (b.kind === 'signature' && b.entries) for (const e of b.entries) signatories.push({ name: e.name, title: e.title });
  result.signatories = signatories;
  for (const s of layout.sections.filter((x) => x.key === 'caseOfficers')) {
    for (const b of paras(s)) {
      const name = /^(\p{Lu}[\p{Ll}-]+(?:\s+\p{Lu}[\p{Ll}-]+){1,3})\b/u.exec(b.text);
      if (name && !/^telefon|^e-post|^tfn/i.test(b.text)) extra.caseOfficers.push(name[1]!);
    }
  }

  // attachments
  for (const s of layout.sections.filter((x) => x.key === 'attachments')) {
    for (const b of paras(s)) {
      const item = cleanItem(b.text);
      if (item.length > 0) result.attachments.push(item);
    }
  }

  // administration and body
  const bodyFromText = findBody(kind, layout, front, result.proposedDecision, result.decision, null);
  const admin = findAdministration(kind, layout, flat, bodyFromText);
  result.administration = admin.name;
  result.body = bodyFromText ?? findBody(kind, layout, front, result.proposedDecision, result.decision, admin.name);

  // referral
  result.referral = findReferral(flatOneLine, result.title, subtitle, result.attachments);
  if (!result.title && result.referral?.subject) {
    result.title = result.referral.subject;
    warnings.push('No title line found; the title is taken from the referral subject.');
  } else if (!result.title) warnings.push('No title found.');

  // dates
  const lowerFlat = flatOneLine.toLowerCase();
  const statementDate = !lowerFlat.includes('utlåtande') ? null : firstMatchDate(flatOneLine, [
    new RegExp(`(?:tjänsteutlåtande|utlåtande)\\s+(?:(?:är|var)\\s+)?(?:från|daterat|daterad|av|den)\\s+(?:den\\s+)?(${DATE})`, 'iu'),
  ]);
  extra.statementDate = statementDate;
  if (kind === 'protocolExtract') {
    result.meetingDate = !/sammanträd|mötesdatum/.test(lowerFlat) ? null : firstMatchDate(flatOneLine, [
      new RegExp(`(?:sammanträdesdatum|mötesdatum|sammanträde(?:t|s)?\\s+(?:den|med\\s+[\\p{L}-]+(?:\\s+[\\p{L}-]+)?\\s+(?:den\\s+)?)|protokoll(?:et)?\\s+(?:fört\\s+)?vid\\s+[^.]{0,80}?sammanträde\\s+(?:den\\s+)?|sammanträde\\s*:?)\\s*:?\\s*(${DATE})`, 'iu'),
    ]);
    if (!result.meetingDate) {
      const headerDates = findDates(frontText).filter((d) => !/remiss|utlåtande/i.test(frontText.slice(Math.max(0, d.index - 60), d.index)));
      result.meetingDate = headerDates[0]?.iso ?? null;
    }
    result.documentDate = !lowerFlat.includes('juster') ? null : firstMatchDate(flatOneLine, [new RegExp(`(?:justerat|justeringsdatum|justerades)\\s*:?\\s*(?:den\\s+)?(${DATE})`, 'iu')]);
  } else if (kind === 'statement' || kind === 'memo') {
    result.documentDate = !/datum|daterad|daterat/.test(lowerFlat) ? null : firstMatchDate(flatOneLine, [new RegExp(`(?:^|\\s)(?:datum|daterad|daterat)\\s*:?\\s*(${DATE})`, 'iu')]);
    if (!result.documentDate) {
      const headerDates = findDates(frontText).filter((d) => !/remiss|sammanträde|beslut/i.test(frontText.slice(Math.max(0, d.index - 60), d.index)));
      result.documentDate = headerDates[0]?.iso ?? null;
    }
  }

  // ---- data-quality warnings
  if (kind === 'unknown') warnings.push('Could not classify the document (kind unknown).');
  if (kind === 'protocolExtract') {
    if (result.paragraph === null) warnings.push('Protocol extract without a paragraph number (§).');
    if (result.meetingDate === null) warnings.push('Protocol extract without a meeting date.');
    if (result.decision.length === 0) warnings.push('Protocol extract without a decision.');
    if (result.body === null) warnings.push('Deciding body not found.');
  }
  if (kind === 'statement') {
    if (result.proposedDecision.length === 0) warnings.push('Statement without a proposed decision.');
    if (result.body === null) warnings.push('Addressed body not found.');
  }
  if (admin.genericOnly && !result.administration) {
    warnings.push(`The administration is named only generically ("${admin.genericOnly.charAt(0).toUpperCase()}${admin.genericOnly.slice(1)}").`);
  }
  if (extra.registryNumbers.length === 0) warnings.push('No registry number (Dnr) found.');
  for (const r of extra.registryNumbers) if (!r.pattern) warnings.push(`Registry number "${r.value}" matches no known pattern.`);
  const ref = result.referral;
  if (ref?.deadline && ref.letterDate && ref.letterDate > ref.deadline) {
    warnings.push(`The referral letter date (${ref.letterDate}) is after the referral deadline (${ref.deadline}).`);
  }
  if (result.meetingDate && result.documentDate && result.documentDate < result.meetingDate && kind === 'protocolExtract') {
    warnings.push(`The minutes were approved (${result.documentDate}) before the meeting (${result.meetingDate}).`);
  }
  if (statementDate && result.meetingDate && statementDate > result.meetingDate) {
    warnings.push(`The statement date (${statementDate}) is after the meeting date (${result.meetingDate}).`);
  }
  if (repairs.length > 0) {
    const total = repairs.reduce((n, r) => n + r.count, 0);
    warnings.push(`OCR damage repaired: ${total} words changed (${repairs.length} distinct).`);
  }
  return { result, originalText, text, repairs, extra };
}

/** The dry-run contract object, with exactly the contract's keys in the contract's order. */
export function toDryRunJson(parsed: ParsedDocument): DryRunResult {
  const r = parsed.result;
  const member = (m: Member): Member => ({ name: m.name, party: m.party, role: m.role, ...(m.others ? { others: true as const } : {}) });
  return {
    file: r.file,
    kind: r.kind,
    title: r.title,
    body: r.body,
    administration: r.administration,
    registryNumbers: [...r.registryNumbers],
    paragraph: r.paragraph,
    meetingDate: r.meetingDate,
    documentDate: r.documentDate,
    referral: r.referral ? { subject: r.referral.subject, sender: r.referral.sender, deadline: r.referral.deadline, letterDate: r.referral.letterDate } : null,
    proposedDecision: [...r.proposedDecision],
    decision: [...r.decision],
    proposals: r.proposals.map((p) => ({ members: p.members.map(member), parties: [...p.parties], summary: p.summary })),
    procedure: r.procedure,
    reservations: r.reservations.map((x) => ({ members: x.members.map(member), parties: [...x.parties], inFavourOf: x.inFavourOf, text: x.text })),
    signatories: r.signatories.map((s) => ({ name: s.name, title: s.title })),
    attachments: [...r.attachments],
    warnings: [...r.warnings],
  };
}

