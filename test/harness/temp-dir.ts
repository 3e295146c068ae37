/**
 * A fresh folder for a test's embedded data. mkdtemp makes it private (0700), but the embedded
 * PostgreSQL runs as the unprivileged `postgres` user when the tests run as root: open it up.
 */
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDataDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `pedigree-${prefix}-`));
  chmodSync(dir, 0o755);
  return dir;
}
