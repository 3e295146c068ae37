/** The audit could not run (unreachable source, refused key): exit 2, not a finding. */
export class AuditSourceError extends Error {}
