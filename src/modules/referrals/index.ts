import type { App, AppDeps } from '../../http/types.js';

/** The referrals module's public surface: other modules import only from here. (Stub: being built.) */
export function registerReferralsRoutes(_app: App, _deps: AppDeps): void {}
