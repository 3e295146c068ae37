/** What the sealer is told at start-up (from PEDIGREE_* variables, read once by the CLI). */
export const SEALER_OPTIONS = Symbol('SEALER_OPTIONS');

export interface SealerOptions {
  /** PEDIGREE_SEALER_KEY: a C2SP skey; when absent, `${dataDir}/sealer.skey` (made on first use). */
  key?: string;
  /** PEDIGREE_LOG_ORIGIN: the checkpoint origin line, and the name of the sealer's key. */
  origin: string;
  /** PEDIGREE_BLOCK_INTERVAL_MS: how often to look for unsealed events. */
  intervalMs: number;
  /** PEDIGREE_BLOCK_MAX_EVENTS: the most events one block takes. */
  maxEvents: number;
  /** PEDIGREE_DATA_DIR: where a generated key is kept. */
  dataDir: string;
}
