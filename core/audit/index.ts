export { GENESIS_HASH, appendAuditEntry, hashAuditEntry, readAuditLog, verifyAuditChain } from './audit-log.ts';
export type { AuditEntryInput, AuditRecord, AuditVerification } from './audit-log.ts';
export { canonicalJson } from './canonical-json.ts';
