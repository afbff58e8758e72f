import type { App, AppDeps } from '../../../http/types.js';

/** Routes of the users module (API under /api, pages elsewhere). */
export function registerUsersRoutes(_app: App, _deps: AppDeps): void {}
