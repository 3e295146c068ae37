// JSON-LD prefixes: the event hash names user extensions by their full namespace
// (`{https://ns.example.com/epcis/}myField`), so the prefix a document happens to choose
// (`example:myField`) does not change the hash. Only the prefixes written in `@context` objects
// are read; remote contexts are never fetched (this library does no I/O), which is why the
// prefixes of the standard EPCIS 2.0 context are built in.

import { isJsonObject, type JsonValue } from './json';

/** Prefix → namespace IRI. */
export type Prefixes = ReadonlyMap<string, string>;

/** The prefixes the EPCIS 2.0.0 JSON-LD context (epcis-context.jsonld) defines. */
const STANDARD_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['epcis', 'https://ref.gs1.org/epcis/'],
  ['cbv', 'https://ref.gs1.org/cbv/'],
  ['cbvmda', 'urn:epcglobal:cbv:mda:'],
  ['gs1', 'https://gs1.org/voc/'],
  ['rdfs', 'http://www.w3.org/2000/01/rdf-schema#'],
  ['owl', 'http://www.w3.org/2002/07/owl#'],
  ['xsd', 'http://www.w3.org/2001/XMLSchema#'],
  ['dcterms', 'http://purl.org/dc/terms/'],
];

/**
 * The standard prefixes, overridden and extended by every prefix that the given `@context`
 * values declare, later ones winning as in JSON-LD.
 */
export function prefixesOf(...contexts: ReadonlyArray<JsonValue | undefined>): Prefixes {
  const prefixes = new Map(STANDARD_PREFIXES);
  const add = (context: JsonValue | undefined): void => {
    if (Array.isArray(context)) context.forEach(add);
    else if (isJsonObject(context)) {
      for (const [prefix, iri] of Object.entries(context)) {
        if (!prefix.startsWith('@') && typeof iri === 'string') prefixes.set(prefix, iri);
      }
    }
  };
  contexts.forEach(add);
  return prefixes;
}

/** `prefix:local` with a declared prefix, as [namespace, local]; otherwise null. */
export function splitCurie(text: string, prefixes: Prefixes): [string, string] | null {
  const colon = text.indexOf(':');
  if (colon <= 0 || text.startsWith('//', colon + 1)) return null;
  const namespace = prefixes.get(text.slice(0, colon));
  return namespace === undefined ? null : [namespace, text.slice(colon + 1)];
}

/** A key as it appears in the pre-hash: `{namespace}local` for a CURIE, else unchanged. */
export function expandKey(key: string, prefixes: Prefixes): string {
  const curie = splitCurie(key, prefixes);
  return curie ? `{${curie[0]}}${curie[1]}` : key;
}

/** The local name of a key (`myTime` for `example:myTime`), for rules that look at names. */
export function localName(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}
