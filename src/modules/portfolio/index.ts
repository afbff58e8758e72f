import type { App, AppDeps } from '../../http/types.js';

/** The portfolio module's public surface: other modules import only from here. (Stub: being built.) */
export function registerPortfolioRoutes(_app: App, _deps: AppDeps): void {}
