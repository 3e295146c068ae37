import type { Activity } from '../activity/dto/activity.dto';
import { dayRows } from './counter-day';

const label = (serial: string) => ({
  gtin: '09506000134352',
  serial,
  product: 'Paracetamol 500 mg',
  lot: 'L42',
  expiry: '301231',
});
const link = (serial: string) => `https://id.gs1.org/01/09506000134352/21/${serial}`;

function activity(): Activity {
  return {
    site: { gln: '5412345000020', name: 'Counter' },
    from: '2026-11-23T23:00:00.000Z',
    to: '2026-11-24T23:00:00.000Z',
    verifications: [
      {
        id: '2',
        at: '2026-11-24T10:05:00.000Z',
        item: '(01)...',
        code: 'ALREADY_DECOMMISSIONED',
        ...label('B'),
      },
      { id: '1', at: '2026-11-24T09:00:00.000Z', item: '(01)...', code: 'OK', ...label('A') },
    ],
    decommissions: [
      {
        eventId: '13',
        at: '2026-11-24T11:00:00.000Z',
        action: 'dispense',
        item: link('A'),
        sscc: null,
        ...label('A'),
      },
      {
        eventId: '12',
        at: '2026-11-24T09:30:00.000Z',
        action: 'undo',
        item: link('A'),
        sscc: null,
        ...label('A'),
      },
      {
        eventId: '11',
        at: '2026-11-24T09:01:00.000Z',
        action: 'dispense',
        item: link('A'),
        sscc: null,
        ...label('A'),
      },
      {
        eventId: '10',
        at: '2026-11-24T08:00:00.000Z',
        action: 'destroy',
        item: link('C'),
        sscc: null,
        ...label('C'),
      },
    ],
    alerts: [
      {
        id: '7',
        at: '2026-11-24T10:05:00.000Z',
        code: 'ALREADY_DECOMMISSIONED',
        detail: 'dispensed on ...',
        item: '(01)...',
        source: 'verify',
        ...label('B'),
      },
    ],
  };
}

describe('a counter’s day', () => {
  it('is one list, newest first, in words', () => {
    expect(dayRows(activity()).map((r) => [r.at.slice(11, 16), r.what])).toEqual([
      ['11:00', 'Dispensed'],
      ['10:05', 'Checked: ALREADY_DECOMMISSIONED'],
      ['10:05', 'Alert raised: ALREADY_DECOMMISSIONED'],
      ['09:30', 'Undone: back in stock'],
      ['09:01', 'Dispensed'],
      ['09:00', 'Checked: OK'],
      ['08:00', 'Destroyed'],
    ]);
  });

  it('offers the undo of a dispensing not undone since, and of nothing else', () => {
    const rows = dayRows(activity());
    const offered = rows
      .filter((r) => r.undoItem)
      .map((r) => `${r.at.slice(11, 16)} ${r.undoItem}`);
    expect(offered).toEqual([`11:00 ${link('A')}`]);
    expect(rows.find((r) => r.at.startsWith('2026-11-24T09:01'))).toMatchObject({
      undone: true,
      undoItem: null,
    });
  });

  it('names a case or pallet by its SSCC', () => {
    const day = activity();
    day.decommissions = [
      {
        eventId: '20',
        at: '2026-11-24T12:00:00.000Z',
        action: 'export',
        item: 'https://id.gs1.org/00/095060001000000017',
        sscc: '095060001000000017',
        gtin: null,
        serial: null,
        product: null,
        lot: null,
        expiry: null,
      },
    ];
    expect(dayRows(day)[0]).toMatchObject({ what: 'Exported', serial: '095060001000000017' });
  });
});
