// The known answers of the reference implementation (RalphTro/epcis-event-hash-generator,
// tests/examples, in ../shared/standards/epcis/event-hash/): for every JSON-LD document, each
// event's pre-hash line and each event id. Cases without a JSON-LD document come from XML
// documents this library does not read; for them only the pre-hash → id step is checked.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  epcisDocumentEvents,
  eventHash,
  eventHashFromPrehash,
  eventPrehash,
} from '@pedigree/epcis';

const VECTORS = join(__dirname, '../../../../shared/standards/epcis/event-hash');

/** Cases whose document is XML upstream: no `.jsonld` here, so they cannot be reproduced. */
const WITHOUT_DOCUMENT = [
  'SensorDataExamples',
  'epcisDocHavingTooManyUserExtensions',
  'epcisDocWith2DifferentTransformationEvents',
  'epcisDocWithTransformationEventWithExtension',
  'epcisDocWithTransformationEventWithMultipleExtensions',
  'epcisXmlDocHavingEventWithIgnoreFields',
  'epcisXmlQueryDocHavingEventWithIgnoreFields',
];

/**
 * Pre-hash lines that are wrong in the files themselves: their SHA-256 is not the id next to
 * them in `.hashes`, which our pre-hash does give. AllGS1Keys is garbled (fragments spliced into
 * the URIs, as upstream); line 2 of CustomSchemaInContext repeats event 1 with its extension
 * moved; line 2 of DefaultSchemaInContext stops in the middle of an identifier.
 */
const CORRUPT_PREHASH_LINES: Readonly<Record<string, readonly number[]>> = {
  epcisDocWithAllGS1Keys: [0],
  epcisDocWithCustomSchemaInContext: [1],
  epcisDocWithDefaultSchemaInContext: [1],
};

function lines(file: string): string[] {
  const path = join(VECTORS, file);
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : [];
}

const stems = [
  ...new Set(readdirSync(VECTORS).map((f) => f.replace(/\.(jsonld|hashes|prehashes)$/, ''))),
]
  .filter((stem) => stem !== 'LICENSE')
  .sort();
const documents = stems.filter((stem) => existsSync(join(VECTORS, `${stem}.jsonld`)));

describe('event hash known answers', () => {
  it('covers every case: a JSON-LD document, or one of the listed XML-only cases', () => {
    expect(stems.filter((stem) => !documents.includes(stem))).toEqual(WITHOUT_DOCUMENT);
    expect(documents).toHaveLength(22);
  });

  describe.each(documents)('%s.jsonld', (stem) => {
    const { events, options } = epcisDocumentEvents(
      JSON.parse(readFileSync(join(VECTORS, `${stem}.jsonld`), 'utf8')),
    );
    const hashes = lines(`${stem}.hashes`);
    const prehashes = lines(`${stem}.prehashes`);
    const corrupt = CORRUPT_PREHASH_LINES[stem] ?? [];

    it('gives every event id of .hashes', () => {
      expect(events.map((event) => eventHash(event, options))).toEqual(hashes);
    });

    it('gives every pre-hash line of .prehashes', () => {
      // Only epcisDocHavingEventWithComment has no .prehashes; its ids are checked above.
      expect(prehashes.length === 0).toBe(stem === 'epcisDocHavingEventWithComment');
      prehashes.forEach((line, i) => {
        const prehash = eventPrehash(events[i]!, options);
        if (corrupt.includes(i)) {
          // If this starts failing, the file was fixed: drop it from CORRUPT_PREHASH_LINES.
          expect(eventHashFromPrehash(line)).not.toBe(hashes[i]);
          expect(eventHashFromPrehash(prehash)).toBe(hashes[i]);
        } else {
          expect(prehash).toBe(line);
        }
      });
    });
  });

  it.each(WITHOUT_DOCUMENT.filter((stem) => existsSync(join(VECTORS, `${stem}.hashes`))))(
    '%s: each pre-hash line hashes to its id (no document to reproduce the lines from)',
    (stem) => {
      const hashes = lines(`${stem}.hashes`);
      expect(lines(`${stem}.prehashes`).map(eventHashFromPrehash)).toEqual(hashes);
      expect(hashes.length).toBeGreaterThan(0);
    },
  );
});
