import { definePermissions } from '../access/permissions.js';
import { isAdministrator } from './actor.js';

definePermissions({
  'user.manage': (actor) => isAdministrator(actor),
  'audit.read': (actor) => isAdministrator(actor),
  /** Any logged-in account may see its own session and log out. */
  'session.own': (actor) => actor.kind === 'user',
});
