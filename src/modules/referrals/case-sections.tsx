import { registerCaseSection } from '../registry/index.js';
import { referralOfCase } from './queries.js';
import { RecipientCaseSection, SenderCaseSection } from './views/pages.js';

/**
 * The referral's part of a registry case page: on the sender's case "Remiss till N mottagare –
 * följ upp", on a recipient's own case "Svar på remiss från Kommunstyrelsen – status, svara senast …".
 */
registerCaseSection(20, async (ctx, page, view) => {
  const found = await referralOfCase(ctx, view.id);
  if (!found) return null;
  if (found.role === 'sender') return await (<SenderCaseSection ctx={page} view={found.referral} />);
  return await (<RecipientCaseSection ctx={page} view={found.referral} recipient={found.recipient} />);
});
