import type { App, AppDeps } from '../../http/types.js';

/** The notifications module's public surface: other modules import only from here. (Stub: being built.) */
export function registerNotificationsRoutes(_app: App, _deps: AppDeps): void {}
