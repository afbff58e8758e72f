/** The organisation module's public surface: other modules import only this file. */
import './messages.js';
import './policy.js';

export { registerOrganisationRoutes } from './http/routes.js';
export { ORGANISATION_MANAGE } from './policy.js';

// Reads (public).
export {
  bodiesByKind,
  bodyDetail,
  findAdministrationById,
  findAdministrationByName,
  findAdministrationBySlug,
  findBodyById,
  findBodyByName,
  findBodyBySlug,
  findMembershipById,
  findPartyByAbbreviation,
  findPartyById,
  findPeopleByName,
  findPersonById,
  listAdministrations,
  listBodies,
  listMemberships,
  listParties,
  listPeople,
  organisationCounts,
  PAGE_SIZE_MAX,
  type PageOf,
  type PageRequest,
} from './queries.js';

// Writes (each authorised and audited).
export { createBody, createBodyInput, DEFAULT_REGISTRY_PATTERN, type CreateBodyInput } from './commands/create-body.js';
export { updateBody, updateBodyInput, type UpdateBodyInput } from './commands/update-body.js';
export { archiveBody } from './commands/archive-body.js';
export { createAdministration, createAdministrationInput, type CreateAdministrationInput } from './commands/create-administration.js';
export { updateAdministration, updateAdministrationInput, type UpdateAdministrationInput } from './commands/update-administration.js';
export { deleteAdministration } from './commands/delete-administration.js';
export { createParty, createPartyInput, type CreatePartyInput } from './commands/create-party.js';
export { updateParty, updatePartyInput, type UpdatePartyInput } from './commands/update-party.js';
export { createPerson, createPersonInput, type CreatePersonInput } from './commands/create-person.js';
export { updatePerson, updatePersonInput, type UpdatePersonInput } from './commands/update-person.js';
export { ensurePerson, ensurePersonInput, type EnsurePersonInput } from './commands/ensure-person.js';
export { addMembership, addMembershipInput, type AddMembershipInput } from './commands/add-membership.js';
export { updateMembership, updateMembershipInput, type UpdateMembershipInput } from './commands/update-membership.js';
export { endMembership, endMembershipInput, type EndMembershipInput } from './commands/end-membership.js';
export { deleteMembership } from './commands/delete-membership.js';

// Pure helpers.
export {
  exampleRegistryNumber,
  patternUsesClass,
  validateRegistryPattern,
  PATTERN_PROBLEMS,
  REGISTRY_PATTERN_MAX,
  SEQ_WIDTH_MAX,
  type PatternProblem,
  type PatternResult,
  type PatternSegment,
} from './registry-pattern.js';
export { slugify, uniqueSlug } from './slug.js';
export { presentBody, presentAdministration, presentParty, presentPerson, presentMembership, type BodyJson, type MembershipJson } from './presenters.js';

// Demo data.
export { seedOrganisationDemo, type OrganisationDemoResult } from './demo.js';

// Types and tables.
export type { AdministrationRow, BodyRow, MembershipRow, MembershipView, PartyRow, PersonRow, PersonView } from './repository.js';
export { BODY_KINDS, MEMBERSHIP_ROLES, type BodyKind, type MembershipRole } from './schema.js';
