import './messages.js';

export { registerUsersRoutes } from './http/routes.js';
export { createAccount } from './commands/create-account.js';
export { updateAccount } from './commands/update-account.js';
export { updateOwnProfile, updateOwnProfileInput } from './commands/update-own-profile.js';
export { changeOwnPassword, changeOwnPasswordInput } from './commands/change-own-password.js';
