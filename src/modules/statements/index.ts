import type { App, AppDeps } from '../../http/types.js';

/** The statements module's public surface: other modules import only from here. (Stub: being built.) */
export function registerStatementsRoutes(_app: App, _deps: AppDeps): void {}
