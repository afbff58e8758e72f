export { registerOrganisationRoutes } from './http/routes.js';
