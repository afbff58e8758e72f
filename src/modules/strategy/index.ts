import type { App, AppDeps } from '../../http/types.js';

/** The strategy module's public surface: other modules import only from here. (Stub: being built.) */
export function registerStrategyRoutes(_app: App, _deps: AppDeps): void {}
