import type { App, AppDeps } from '../../http/types.js';

/** The meetings module's public surface: other modules import only from here. (Stub: being built.) */
export function registerMeetingsRoutes(_app: App, _deps: AppDeps): void {}
