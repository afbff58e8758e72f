import type { App, AppDeps } from '../../../http/types.js';

/** Routes of the organisation module (API under /api, pages elsewhere). */
export function registerOrganisationRoutes(_app: App, _deps: AppDeps): void {}
