export { authorize, can, definePermissions, isKnownPermission, listPermissions, PUBLIC, type Rule, type Subject } from './permissions.js';
export { canReadClassified, readScope, PUBLIC_CONFIDENTIALITY, type Classified, type ReadScope } from './classification.js';
