export { registerUsersRoutes } from './http/routes.js';
