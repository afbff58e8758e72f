import '../auth/index.js';
import { registerAuthRoutes } from '../auth/http/routes.js';
import { registerOrganisationRoutes } from '../modules/organisation/index.js';
import { registerRegistryRoutes } from '../modules/registry/index.js';
import { registerUsersRoutes } from '../modules/users/index.js';
import { registerReferralsRoutes } from '../modules/referrals/index.js';
import { registerStatementsRoutes } from '../modules/statements/index.js';
import { registerMeetingsRoutes } from '../modules/meetings/index.js';
import { registerNotificationsRoutes } from '../modules/notifications/index.js';
import { registerArchiveImportRoutes } from '../modules/archive-import/index.js';
import { registerStrategyRoutes } from '../modules/strategy/index.js';
import { registerPortfolioRoutes } from '../modules/portfolio/index.js';
import { registerSystemRoutes } from './system/routes.js';
import type { App, AppDeps } from './types.js';

/** Every module's routes, in one list. */
export async function registerRoutes(app: App, deps: AppDeps): Promise<void> {
  registerSystemRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerOrganisationRoutes(app, deps);
  registerRegistryRoutes(app, deps);
  registerUsersRoutes(app, deps);
  registerReferralsRoutes(app, deps);
  registerStatementsRoutes(app, deps);
  registerMeetingsRoutes(app, deps);
  registerNotificationsRoutes(app, deps);
  registerArchiveImportRoutes(app, deps);
  registerStrategyRoutes(app, deps);
  registerPortfolioRoutes(app, deps);
}
