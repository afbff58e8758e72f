export { registerRegistryRoutes } from './http/routes.js';
