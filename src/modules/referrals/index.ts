import './messages.js';
import './policy.js';
import './subscribers.js';
import './case-sections.js';

/** The referrals module's public surface: other modules import only from here. */
import { registerReferralsRoutes as registerRoundRoutes } from './http/routes.js';
import { registerCompilationRoutes } from './compilation/index.js';
import type { App, AppDeps } from '../../http/types.js';

/** The round's pages and API, and the compilation for the sender. */
export function registerReferralsRoutes(app: App, deps: AppDeps): void {
  registerRoundRoutes(app, deps);
  registerCompilationRoutes(app, deps);
}
export { compileReferral, type Compilation } from './compilation/index.js';
export { REFERRALS_MANAGE, REFERRALS_RESPOND, REFERRAL_GROUPS_MANAGE } from './policy.js';

// Writes (each validated, authorised, one transaction, audited).
export { createReferral, createReferralInput, type CreateReferralInput } from './commands/create-referral.js';
export { updateReferral, updateReferralInput, type UpdateReferralInput } from './commands/update-referral.js';
export { sendReferral, sendReferralInput, type SendReferralInput } from './commands/send-referral.js';
export { changeRecipientStatus, changeRecipientStatusInput, type ChangeRecipientStatusInput } from './commands/change-recipient-status.js';
export { declineReferral, declineReferralInput, type DeclineReferralInput } from './commands/decline-referral.js';
export { answerReferral, answerReferralInput, type AnswerReferralInput } from './commands/answer-referral.js';
export { linkArchivedAnswer, linkArchivedAnswerInput, type LinkArchivedAnswerInput } from './commands/link-archived-answer.js';
export {
  createRecipientGroup,
  updateRecipientGroup,
  deleteRecipientGroup,
  recipientGroupInput,
  updateRecipientGroupInput,
  type RecipientGroupInput,
  type UpdateRecipientGroupInput,
} from './commands/recipient-groups.js';
export { DEFAULT_LIMITS, type FileInput, type RecipientInput } from './commands/inputs.js';

// Reads (classification applied).
export {
  canReadReferral,
  getReferral,
  getRecipient,
  getRecipientGroup,
  listRecipientGroups,
  listReferrals,
  referralOfCase,
  answerDocumentChoices,
  type CaseReferral,
  type EventView,
  type GroupView,
  type ReadCtx,
  type RecipientDetail,
  type RecipientFilter,
  type RecipientView,
  type ReferralListItem,
  type ReferralPage,
  type ReferralView,
} from './queries.js';

// Pure status helpers.
export {
  TRANSITIONS,
  PROGRESS,
  FINAL_STATUSES,
  REFERRAL_WARNINGS,
  RECIPIENT_WARNINGS,
  allowedNext,
  answeredLate,
  automaticStep,
  canTransition,
  isLate,
  isManualStep,
  matchesFilter,
  recipientWarnings,
  referralWarnings,
  statusCounts,
  type RecipientWarning,
  type ReferralWarning,
  type StatusCounts,
} from './status.js';
export { defaultAnswerDocuments } from './answer-documents.js';
export { presentReferral, presentRecipient, presentRecipientDetail, presentGroup } from './presenters.js';

// Types and tables.
export { RECIPIENT_STATUSES, REFERRAL_STATUSES, STANCES, type RecipientStatus, type ReferralStatus, type Stance } from './schema.js';
