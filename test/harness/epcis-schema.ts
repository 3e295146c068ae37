/**
 * GS1's EPCIS 2.0 JSON Schema as a test oracle: the product's own validator (@pedigree/epcis,
 * compiled from its runtime copy of the schema), one line per error, so tests and the capture
 * interface judge by the same contract.
 */
import { validateEpcisSchema } from '@pedigree/epcis';

/**
 * What GS1's EPCIS 2.0 schema finds wrong with `value` (an EPCISDocument, or one event with its
 * `@context`), one line per error; empty when it validates.
 * @example expect(epcisSchemaErrors(epcisDocument([event], new Date()))).toEqual([])
 */
export function epcisSchemaErrors(value: unknown): string[] {
  return validateEpcisSchema(value).map(
    (e) => `${e.path} ${e.message} ${JSON.stringify(e.params)}`,
  );
}
