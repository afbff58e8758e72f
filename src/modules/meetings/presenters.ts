import { inFavourIndex } from './details.js';
import { organOf, proposalSentence, reservationSentence, specialStatementSentence, type Wording } from './minutes-text.js';
import type { CaseDecision, ExtractView, ItemSummary, ItemView, MeetingPage, MeetingView } from './queries.js';
import type { AttendeeRow, MeetingListRow, MeetingWithBody } from './repository.js';
import type { MinutesMember } from './schema.js';

/** Rows and views → API JSON. Pure. */
export const meetingHref = (id: string) => `/meetings/${id}`;
export const itemHref = (meetingId: string, itemId: string) => `/meetings/${meetingId}/items/${itemId}`;

export const wordingOf = (m: MeetingWithBody): Wording => ({ tense: m.minutesTense, organ: organOf(m.bodyKind) });

const member = (m: MinutesMember) => ({
  personId: m.personId ?? null,
  name: m.name,
  party: m.party,
  role: m.role,
  others: Boolean(m.others),
});

function meetingBase(m: MeetingWithBody) {
  return {
    id: m.id,
    bodyId: m.bodyId,
    bodyName: m.bodyName,
    meetingDate: m.meetingDate,
    startTime: m.startTime,
    place: m.place,
    status: m.status,
    minutesTense: m.minutesTense,
    approvedOn: m.approvedOn,
    approvers: m.approvers,
    url: meetingHref(m.id),
  };
}

export const presentMeetingListRow = (m: MeetingListRow) => ({ ...meetingBase(m), itemCount: m.itemCount });

export const presentMeetingPage = (p: MeetingPage) => ({ items: p.items.map(presentMeetingListRow), page: p.page, pageSize: p.pageSize, total: p.total });

export const presentAttendee = (a: AttendeeRow) => ({
  id: a.id,
  personId: a.personId,
  name: a.name,
  party: a.party,
  role: a.role,
  replacesName: a.replacesName,
});

export const presentItemSummary = (meetingId: string, i: ItemSummary) => ({
  id: i.id,
  paragraph: i.paragraph,
  title: i.title,
  subtitle: i.subtitle,
  caseId: i.caseId,
  registryNumber: i.registryNumber,
  final: i.final,
  finalOn: i.finalOn,
  immediateApproval: i.immediateApproval,
  extractDocumentId: i.extractDocumentId,
  decisionPoints: i.decisionPoints,
  visibility: i.visibility,
  url: itemHref(meetingId, i.id),
});

export const presentMeeting = (v: MeetingView) => ({
  ...meetingBase(v.meeting),
  attendees: v.attendees.map(presentAttendee),
  items: v.items.map((i) => presentItemSummary(v.meeting.id, i)),
});

/** One item with everything recorded; `sentence` is each entry as the (Swedish) minutes word it. */
export function presentItem(v: ItemView) {
  const { item, meeting } = v;
  const w = wordingOf(meeting);
  const href = itemHref(meeting.id, item.id);
  return {
    id: item.id,
    meetingId: meeting.id,
    bodyId: meeting.bodyId,
    meetingDate: meeting.meetingDate,
    paragraph: item.paragraph,
    title: item.title,
    subtitle: item.subtitle,
    caseId: item.caseId,
    registryNumber: item.registryNumber,
    matterText: item.matterText,
    administrationProposal: item.administrationProposal,
    proposals: item.proposals.map((p, i) => ({
      id: p.id,
      number: i + 1,
      members: p.members.map(member),
      parties: p.parties,
      kind: p.kind,
      points: p.points,
      text: p.text,
      sentence: proposalSentence(p, w),
    })),
    debateClosedText: item.debateClosedText,
    procedure: item.procedureKind
      ? {
          kind: item.procedureKind,
          text: item.procedureText,
          votesYes: item.votesYes,
          votesNo: item.votesNo,
          votesAbstain: item.votesAbstain,
          rollCall: item.rollCall,
        }
      : null,
    decisionPoints: item.decisionPoints,
    reservations: item.reservations.map((r) => {
      const favoured = inFavourIndex(r, item.proposals);
      const inFavour = favoured !== null && item.proposals[favoured]?.kind === 'own';
      return {
        members: r.members.map(member),
        parties: r.parties,
        inFavourOfProposal: favoured === null ? null : favoured + 1,
        text: r.text,
        sentence: reservationSentence({ ...r, inFavourOwnProposal: inFavour }, w),
      };
    }),
    specialStatements: item.specialStatements.map((s) => ({ members: s.members.map(member), parties: s.parties, text: s.text, sentence: specialStatementSentence(s, w) })),
    immediateApproval: item.immediateApproval,
    final: item.finalOn !== null,
    finalOn: item.finalOn,
    extractDocumentId: item.extractDocumentId,
    url: href,
    extractUrl: `${href}/extract`,
    pdfUrl: `${href}/extract.pdf`,
  };
}

export function presentExtract(v: ExtractView) {
  const href = itemHref(v.meeting.id, v.item.id);
  return {
    itemId: v.item.id,
    meetingId: v.meeting.id,
    title: v.extract.title,
    final: v.extract.final,
    finalOn: v.item.finalOn,
    text: v.text,
    documentId: v.item.extractDocumentId,
    url: `${href}/extract`,
    pdfUrl: `${href}/extract.pdf`,
  };
}

export const presentCaseDecision = (d: CaseDecision) => ({
  ...d,
  proposals: d.proposals.map((p) => ({ ...p, members: p.members.map(member) })),
  reservations: d.reservations.map((r) => ({ ...r, members: r.members.map(member) })),
  specialStatements: d.specialStatements.map((s) => ({ ...s, members: s.members.map(member) })),
});
