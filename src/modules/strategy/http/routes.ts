import type { App, AppDeps } from '../../../http/types.js';
import { registerStrategyApi } from './api-routes.js';
import { registerStrategyPages } from './page-routes.js';

/** The strategy module's routes: the JSON API and the pages. */
export function registerStrategyRoutes(app: App, deps: AppDeps): void {
  registerStrategyApi(app, deps);
  registerStrategyPages(app, deps);
}
