import './messages.js';
import './policy.js';

export * from './actor.js';
export { createUser, createUserInput, roleGrantSchema, usernameSchema, type CreateUserInput } from './commands/create-user.js';
export { updateUser, updateUserInput, type UpdateUserInput } from './commands/update-user.js';
export { logIn, logInInput } from './commands/log-in.js';
export { resolveSession, destroySession, SESSION_IDLE_MS, SESSION_ABSOLUTE_MS, type ResolvedSession } from './sessions.js';
export { authRepository, type UserRow } from './repository.js';
export { passwordProblems, hashPassword, verifyPassword, PASSWORD_MIN, PASSWORD_MAX } from './password.js';
