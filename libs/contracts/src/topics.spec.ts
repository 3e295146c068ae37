import {
  SCAN_TOPIC_FILTER,
  SHARED_SCAN_TOPIC_FILTER,
  parseScanTopic,
  parseVerdictTopic,
  scanTopic,
  verdictTopic,
} from './topics';
import fc from 'fast-check';

const device = '6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6';

describe('topics', () => {
  it('builds and parses the two topics of a device', () => {
    expect(scanTopic(device)).toBe(`pedigree/v1/devices/${device}/scans`);
    expect(verdictTopic(device)).toBe(`pedigree/v1/devices/${device}/verdicts`);
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        expect(parseScanTopic(scanTopic(id))).toBe(id);
        expect(parseVerdictTopic(verdictTopic(id))).toBe(id);
        expect(parseScanTopic(verdictTopic(id))).toBeNull();
      }),
    );
  });

  it('names the subscriptions', () => {
    expect(SCAN_TOPIC_FILTER).toBe('pedigree/v1/devices/+/scans');
    expect(SHARED_SCAN_TOPIC_FILTER).toBe('$share/ingest/pedigree/v1/devices/+/scans');
  });

  it('refuses what is not a lower-case UUID or not one of its topics', () => {
    expect(() => scanTopic('scanner-1')).toThrow(RangeError);
    expect(() => verdictTopic(device.toUpperCase())).toThrow(/lower-case UUID/);
    for (const topic of [
      `pedigree/v2/devices/${device}/scans`,
      `pedigree/v1/devices/${device}/scans/x`,
      'pedigree/v1/devices/+/scans',
      `$share/ingest/pedigree/v1/devices/${device}/scans`,
    ]) {
      expect(parseScanTopic(topic)).toBeNull();
    }
  });
});
