/**
 * GS1's EPCIS 2.0 JSON Schema (draft-07, ../shared/standards/epcis/) as a test oracle: the
 * standard's schema is the contract an emitted event or document must meet. Compiled once per
 * Jest worker with ajv and its formats (`date-time`, `uri`), which the schema relies on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { repoRoot } from './repo-root';

let validate: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!validate) {
    const path = join(repoRoot(), '..', 'shared', 'standards', 'epcis', 'epcis-json-schema.json');
    // ajv's default strictness: GS1's schema compiles under it (`strict: true` would refuse its
    // `required` lists naming properties defined elsewhere, which draft-07 allows).
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(path, 'utf8')));
  }
  return validate;
}

/**
 * What GS1's EPCIS 2.0 schema finds wrong with `value` (an EPCISDocument, or one event with its
 * `@context`), one line per error; empty when it validates.
 * @example expect(epcisSchemaErrors(epcisDocument([event], new Date()))).toEqual([])
 */
export function epcisSchemaErrors(value: unknown): string[] {
  const check = validator();
  if (check(value)) return [];
  return (check.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params)}`,
  );
}
