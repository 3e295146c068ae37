// The EPCIS mapping: every word is in CBV 2.0's standard vocabularies (checked against the EPCIS
// 2.0 JSON-LD context in ../shared/standards/epcis/), and each action has its own pair, so the
// projection can be rebuilt from the sealed events.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { epcisVocabulary, PACK_ACTIONS, packActionFromEpcis } from './pack-action';
import { VERDICT_CODES, VERDICT_SENTENCES } from './verdict';

const context = readFileSync(
  join(__dirname, '../../../../shared/standards/epcis/epcis-context.jsonld'),
  'utf8',
);

describe('EPCIS vocabulary', () => {
  it.each(PACK_ACTIONS)('%s uses standard CBV 2.0 words', (action) => {
    const { bizStep, disposition } = epcisVocabulary(action);
    expect(context).toContain(`"cbv:BizStep-${bizStep}"`);
    expect(context).toContain(`"cbv:Disp-${disposition}"`);
  });

  it('gives each action its own pair, and reads it back', () => {
    const pairs = PACK_ACTIONS.map((a) => Object.values(epcisVocabulary(a)).join(' '));
    expect(new Set(pairs).size).toBe(PACK_ACTIONS.length);
    for (const action of PACK_ACTIONS) {
      const { bizStep, disposition } = epcisVocabulary(action);
      expect(packActionFromEpcis(bizStep, disposition)).toBe(action);
    }
    expect(packActionFromEpcis('shipping', 'recalled')).toBeNull();
  });

  it('maps the FMD steps as documented', () => {
    expect(epcisVocabulary('commission')).toEqual({
      bizStep: 'commissioning',
      disposition: 'active',
    });
    expect(epcisVocabulary('ship')).toEqual({ bizStep: 'shipping', disposition: 'in_transit' });
    expect(epcisVocabulary('dispense')).toEqual({
      bizStep: 'dispensing',
      disposition: 'dispensed',
    });
  });
});

describe('verdict sentences', () => {
  it('has a plain sentence for every code', () => {
    for (const code of VERDICT_CODES) expect(VERDICT_SENTENCES[code]).toMatch(/^[A-Z].*\.$/);
  });
});
