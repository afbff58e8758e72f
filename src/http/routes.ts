import '../auth/index.js';
import { registerAuthRoutes } from '../auth/http/routes.js';
import { registerOrganisationRoutes } from '../modules/organisation/index.js';
import { registerRegistryRoutes } from '../modules/registry/index.js';
import { registerUsersRoutes } from '../modules/users/index.js';
import { registerSystemRoutes } from './system/routes.js';
import type { App, AppDeps } from './types.js';

/** Every module's routes, in one list. */
export async function registerRoutes(app: App, deps: AppDeps): Promise<void> {
  registerSystemRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerOrganisationRoutes(app, deps);
  registerRegistryRoutes(app, deps);
  registerUsersRoutes(app, deps);
}
