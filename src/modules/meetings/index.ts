import './messages.js';
import './policy.js';
import { registerCaseSection } from '../registry/index.js';
import { itemsForCase } from './queries.js';
import { CaseMeetingsSection } from './views/case-section.js';

/** The meetings module's public surface: other modules import only from here. */
export { registerMeetingsRoutes } from './http/routes.js';
export { MEETINGS_MANAGE, MEETINGS_READ_DRAFTS } from './policy.js';

// Commands (each validated, authorised, in one transaction, audited).
export { createMeeting, createMeetingInput, type CreateMeetingInput } from './commands/create-meeting.js';
export { updateMeeting, updateMeetingInput, type UpdateMeetingInput } from './commands/update-meeting.js';
export { deleteMeeting } from './commands/delete-meeting.js';
export { setAttendance, setAttendanceInput, type SetAttendanceInput } from './commands/set-attendance.js';
export { addAgendaItem, addAgendaItemInput, type AddAgendaItemInput } from './commands/add-agenda-item.js';
export { updateItem, recordItem, updateItemInput, type UpdateItemInput } from './commands/update-item.js';
export { removeAgendaItem } from './commands/remove-agenda-item.js';
export { reorderAgenda, reorderAgendaInput, type ReorderAgendaInput } from './commands/reorder-agenda.js';
export { approveMinutes, approveMinutesInput, type ApproveMinutesInput } from './commands/approve-minutes.js';
export { recordArchivedItem, recordArchivedItemInput, type RecordArchivedItemInput } from './commands/record-archived-item.js';
export { approveItemImmediately, approveItemImmediatelyInput, type ApproveItemImmediatelyInput } from './commands/approve-item-immediately.js';
export type { AttendeeInput, ProposalInput, ReservationInput, SpecialStatementInput, ProcedureInput, MinutesMemberInput } from './commands/inputs.js';

// Reads.
export {
  listDecisionsForCases,
  decisionsForCase,
  getMeeting,
  getItem,
  getExtract,
  listMeetings,
  type CaseDecision,
  type MeetingView,
  type ItemView,
  type ExtractView,
  type ItemSummary,
} from './queries.js';

// Pure helpers: minutes notation and the extract's sentences.
export { formatMember, formatWho, joinList, parseMemberLine } from './notation.js';
export { buildExtract, extractText, proposalSentence, reservationSentence, specialStatementSentence, type Extract, type ExtractSource } from './minutes-text.js';

// Seeds 000 and 001 as command inputs (for the demo).
export { SEED_000, SEED_001, LIBERAL_POINTS, LIBERAL_TEXT, STRATEGY_TITLE, type SeedMinutes } from './seed-minutes.js';

// Types and tables.
export type { MeetingRow, ItemRow, AttendeeRow } from './repository.js';
export { MEETING_STATUSES, MINUTES_TENSES, type MeetingStatus, type MinutesMember, type MinutesTense, type RollCallVote } from './schema.js';

/** "Behandlat på sammanträde … § 13" on the registry's case page. */
registerCaseSection(30, async (ctx, page, view) => {
  const rows = await itemsForCase(ctx, view.id);
  if (rows.length === 0) return null;
  return CaseMeetingsSection({ ctx: page, rows });
});
