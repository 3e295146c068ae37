/**
 * GS1's EPCIS 2.0 JSON Schema (draft-07; `epcis-json-schema.json` beside this file, a verbatim
 * copy of the standard's artefact under its LICENSE) as the capture interface's contract: a
 * document or a stand-alone event that fails it is refused whole, with the schema's own words.
 * The schema is compiled once, on first use, with ajv and its formats (`date-time`, `uri`), which
 * the schema relies on. The JSON is required at run time, so the build copies it next to the
 * compiled file (package.json `build`): the product never reads the standards folder.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** One thing the schema finds wrong: where (a JSON pointer into the value), what, and ajv's params. */
export interface EpcisSchemaError {
  path: string;
  message: string;
  params: Record<string, unknown>;
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    // ajv's default strictness: GS1's schema compiles under it (`strict: true` would refuse its
    // `required` lists naming properties defined elsewhere, which draft-07 allows).
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    compiled = ajv.compile(require('./epcis-json-schema.json') as object);
  }
  return compiled;
}

/**
 * What GS1's EPCIS 2.0 schema finds wrong with `value`: an EPCISDocument, an EPCISQueryDocument,
 * or one event carrying its `@context`. Empty when it validates.
 * @example validateEpcisSchema({ type: 'EPCISDocument' })[0].message // "must have required property '@context'"
 */
export function validateEpcisSchema(value: unknown): EpcisSchemaError[] {
  const check = validator();
  if (check(value)) return [];
  return (check.errors ?? []).map((e) => ({
    path: e.instancePath || '/',
    message: e.message ?? 'is invalid',
    params: e.params,
  }));
}
