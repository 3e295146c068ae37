/**
 * The distributor's screen (docs/console.md): shipments as scanned at its sites per day and the
 * packs shipped to it that never arrived (GET /shipments over the window chosen), and its
 * scanners and quarantine (console-scanners.ts). It holds no rule: what it lists is what the API
 * answered.
 */
import { fill } from '../src/consumer/consumer-words';
import { CONSOLE_WORDS } from '../src/console/console-words';
import { call } from './console-api';
import { element, refusedIn, row, say, timeOf } from './console-dom';
import { runScanners } from './console-scanners';

const WORDS = CONSOLE_WORDS.distributor;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The browser's time zone, in which the screen counts its days. */
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

interface Moved {
  shipments: number;
  packs: number;
}

interface ShipmentsJson {
  days: Array<{ day: string; site: { gln: string; name: string }; left: Moved; arrived: Moved }>;
  awaited: {
    total: number;
    packs: Array<{
      gtin: string;
      serial: string;
      product: string;
      lot: string;
      toGln: string;
      fromGln: string | null;
      fromOrganisation: string | null;
      shippedAt: string | null;
    }>;
  };
}

export function runDistributor(): void {
  const refused = refusedIn('/console/distributor');
  const number = new Intl.NumberFormat(CONSOLE_WORDS.locale);
  const dayFormat = new Intl.DateTimeFormat(CONSOLE_WORDS.locale, {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
  const plural = new Intl.PluralRules(CONSOLE_WORDS.locale);
  const count = (forms: { one: string; other: string }, n: number) =>
    fill(plural.select(n) === 'one' ? forms.one : forms.other, { count: number.format(n) });
  const moved = (m: Moved) =>
    m.shipments === 0
      ? WORDS.none
      : fill(WORDS.moved, {
          packs: count(WORDS.packs, m.packs),
          shipments: count(WORDS.shipmentCount, m.shipments),
        });

  async function shipments(): Promise<void> {
    const error = element('shipments-error');
    const days = Number(element<HTMLSelectElement>('shipments-window').value) || 7;
    const from = new Date(Date.now() - days * DAY_MS).toISOString();
    // The days are the reader's, in the browser's own time zone.
    const query = new URLSearchParams({ from, timeZone: ZONE });
    const answer = await call<ShipmentsJson>('GET', `/shipments?${query.toString()}`);
    if (!answer.ok) {
      error.hidden = false;
      refused(answer, error);
      return;
    }
    error.hidden = true;
    const { days: rows, awaited } = answer.body;
    element('shipment-rows').replaceChildren(
      ...rows.map((day) => {
        const tr = row(
          dayFormat.format(new Date(`${day.day}T00:00:00Z`)),
          `${day.site.name} (GLN ${day.site.gln})`,
          moved(day.left),
          moved(day.arrived),
        );
        tr.dataset.day = day.day;
        tr.dataset.site = day.site.gln;
        tr.cells[2].dataset.fact = 'left';
        tr.cells[3].dataset.fact = 'arrived';
        return tr;
      }),
    );
    element('shipments-empty').hidden = rows.length > 0;
    const total = element('awaited-total');
    say(
      total,
      awaited.total === 0
        ? WORDS.noAwaited
        : [
            fill(WORDS.awaitedTotal, { total: number.format(awaited.total) }),
            awaited.packs.length < awaited.total
              ? fill(WORDS.awaitedShown, { shown: number.format(awaited.packs.length) })
              : '',
          ]
            .join(' ')
            .trim(),
    );
    total.dataset.total = String(awaited.total);
    element('awaited').hidden = awaited.total === 0;
    element('awaited-rows').replaceChildren(
      ...awaited.packs.map((pack) => {
        const tr = row(
          pack.product,
          pack.lot,
          pack.serial,
          `GLN ${pack.toGln}`,
          pack.fromGln ? `${pack.fromOrganisation ?? ''} (GLN ${pack.fromGln})`.trim() : WORDS.none,
          pack.shippedAt ? timeOf(pack.shippedAt) : WORDS.none,
        );
        tr.cells[2].className = 'serial';
        tr.dataset.serial = pack.serial;
        return tr;
      }),
    );
  }

  element<HTMLFormElement>('shipments-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void shipments();
  });
  void shipments();
  runScanners(refused);
}
