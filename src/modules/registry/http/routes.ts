import type { App, AppDeps } from '../../../http/types.js';

/** Routes of the registry module (API under /api, pages elsewhere). */
export function registerRegistryRoutes(_app: App, _deps: AppDeps): void {}
