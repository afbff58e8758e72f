export { recordAudit, type AuditEntry } from './record.js';
export { verifyAuditChain, type VerifyResult } from './verify.js';
export { auditRepository, type AuditRow } from './repository.js';
export { auditLog } from './schema.js';
