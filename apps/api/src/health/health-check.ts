/**
 * A part of the process that `/health` reports on. Each app contributes its own (the database,
 * the broker connection, the sealer's leadership); the process that runs it wires them in.
 */
export interface HealthCheck {
  /** The key in the health body, e.g. "database". */
  readonly name: string;
  /** `healthy: false` makes `/health` answer 503 with `state` and `reason`. */
  check(): Promise<{ healthy: boolean; state: string; reason?: string }>;
}
