import type { Translate } from '../../../core/i18n.js';
import { formatDate, type Locale } from '../../../core/i18n.js';
import { BODY_KINDS, MEMBERSHIP_ROLES, type BodyKind, type MembershipRole } from '../schema.js';

export const kindLabel = (t: Translate, kind: BodyKind) => t(`organisation.kind.${kind}`);
export const kindGroupLabel = (t: Translate, kind: BodyKind) => t(`organisation.kinds.${kind}`);
export const roleLabel = (t: Translate, role: MembershipRole) => t(`organisation.role.${role}`);
export const roleGroupLabel = (t: Translate, role: MembershipRole) => t(`organisation.roles.${role}`);

export const kindOptions = (t: Translate) => BODY_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }));
export const roleOptions = (t: Translate) => MEMBERSHIP_ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }));

/** "14 oktober 2018"; empty for no date. */
export const day = (locale: Locale, d: string | null | undefined) => formatDate(locale, d);

/** Person name with party in parentheses, the way protocols write it: "Abit Dundar (L)". */
export const withParty = (name: string, party: string | null | undefined) => (party ? `${name} (${party})` : name);
