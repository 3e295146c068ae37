/** The project's root folder, from a file under test/ or its compiled copy under dist/test/. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function repoRoot(from = __dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'nest-cli.json'))) return dir;
  }
  throw new Error(`No nest-cli.json above ${from}: run from the Pedigree project.`);
}
