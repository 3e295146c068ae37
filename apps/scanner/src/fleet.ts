/**
 * A simulated fleet of scanners moving a world's packs along their journeys (fleet-world.ts):
 * the plant's dock ships each pallet to the wholesaler, whose warehouse scanner receives it and
 * ships its cases to the pharmacies, whose counters receive each case and dispense its packs.
 * Each step waits for the previous one's verdict, as on a real floor; each scanner groups what is
 * ready into envelopes of up to `perEnvelope` scans, with at most `window` envelopes awaiting a
 * verdict, and the whole fleet keeps to `rate` scans per second when one is given. Every scan
 * goes through a DeviceLink with its outbox (on disk with `outboxDir`, as on real devices), so
 * the fleet rides out a dying ingest or broker.
 */
import type { Scan, ScanStep, VerdictMessage } from '@pedigree/contracts';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeviceLink } from './device-link';
import type { SimulatedDevice, World } from './fleet-world';

export interface FleetOptions {
  /** Where each device connects: its broker URL (and CA for mqtts:). */
  connection: (deviceId: string) => Promise<{ url: string; ca?: Uint8Array }>;
  /** Scans per envelope, 1 to 500. */
  perEnvelope: number;
  /** Scans per second for the whole fleet; undefined: as fast as verdicts come back. */
  rate?: number;
  /** Envelopes a device may have awaiting a verdict (default 8). */
  window?: number;
  /** Milliseconds before an unanswered envelope is sent again (default 30,000). */
  resendAfterMs?: number;
  /** Packs of each case left on the pharmacy's shelf, not dispensed (default 0). */
  keepPerCase?: number;
  /** A folder for the devices' outboxes, one sub-folder per device; undefined keeps them in memory. */
  outboxDir?: string;
  /** Called about every `progressEveryMs` (default 1,000) and once at the end. */
  onProgress?: (progress: FleetProgress) => void;
  progressEveryMs?: number;
}

export interface FleetProgress {
  /** Scans published. */
  sent: number;
  /** Scans with a verdict back. */
  acknowledged: number;
  accepted: number;
  rejected: number;
  /** Verdict codes and quarantine reasons of the rejected scans, with counts. */
  rejections: Record<string, number>;
  elapsedMs: number;
  /** Acknowledged scans per second since the start. */
  rate: number;
  /** Milliseconds from a pack scan's send to its verdict, one per acknowledged pack scan. */
  latencies: number[];
  /** The same for case and pallet scans, which move every pack inside. */
  containerLatencies: number[];
}

interface Pending {
  scan: Scan;
  then: (ok: boolean) => void;
}

interface Station {
  link: DeviceLink;
  queue: Pending[];
  inFlight: number;
}

export class Fleet {
  private readonly progress: FleetProgress = {
    sent: 0,
    acknowledged: 0,
    accepted: 0,
    rejected: 0,
    rejections: {},
    elapsedMs: 0,
    rate: 0,
    latencies: [],
    containerLatencies: [],
  };
  private wake?: () => void;

  private constructor(
    private readonly world: World,
    private readonly stations: Map<string, Station>,
    private readonly options: FleetOptions,
  ) {}

  /** Connects one DeviceLink per scanner of the world. */
  static async connect(world: World, options: FleetOptions): Promise<Fleet> {
    const stations = new Map<string, Station>();
    for (const device of [world.plant, world.warehouse, ...world.pharmacies]) {
      const link = await DeviceLink.open({
        ...(await options.connection(device.id)),
        deviceId: device.id,
        seed: device.seed,
        resendAfterMs: options.resendAfterMs,
        outboxDir: options.outboxDir && join(options.outboxDir, device.id),
      });
      stations.set(device.id, { link, queue: [], inFlight: 0 });
    }
    return new Fleet(world, stations, options);
  }

  /**
   * Scans the whole journey of every pack once (the packs kept on the shelf end at the
   * pharmacy), then resolves with the final progress.
   */
  async run(): Promise<FleetProgress> {
    const { world } = this;
    const start = Date.now();
    let pharmacy = 0;
    for (const pallet of world.pallets) {
      this.scan(world.plant, 'shipping', `(00)${pallet.sscc}`, world.warehouse.siteGln, () =>
        this.scan(world.warehouse, 'receiving', `(00)${pallet.sscc}`, undefined, () => {
          for (const box of pallet.cases) {
            const counter = world.pharmacies[pharmacy++ % world.pharmacies.length]!;
            this.scan(world.warehouse, 'shipping', `(00)${box.sscc}`, counter.siteGln, () =>
              this.scan(counter, 'receiving', `(00)${box.sscc}`, undefined, () => {
                const dispensed = box.packs.slice(this.options.keepPerCase ?? 0);
                for (const code of dispensed) this.scan(counter, 'dispensing', `]d2${code}`);
              }),
            );
          }
        }),
      );
    }
    const reporter = setInterval(() => this.report(start), this.options.progressEveryMs ?? 1_000);
    try {
      await this.pump(start);
    } finally {
      clearInterval(reporter);
    }
    this.report(start);
    return this.progress;
  }

  async close(): Promise<void> {
    for (const station of this.stations.values()) await station.link.close();
  }

  /** Queues a scan at the device's site; `then` runs once it is accepted. */
  private scan(
    device: SimulatedDevice,
    step: ScanStep,
    raw: string,
    destination?: string,
    then?: () => void,
  ): void {
    const station = this.stations.get(device.id)!;
    station.queue.push({
      scan: {
        raw,
        at: new Date().toISOString(),
        step,
        site: device.siteGln,
        ...(destination && { destination }),
      },
      // A refused step ends its journey: the scans it would have led to never come.
      then: (ok) => ok && then?.(),
    });
    this.wake?.();
  }

  /** True while a scan waits to be sent or for its verdict. */
  private get busy(): boolean {
    for (const station of this.stations.values()) {
      if (station.queue.length > 0 || station.inFlight > 0) return true;
    }
    return false;
  }

  /** Sends envelopes while scans remain, keeping to the rate and the windows. */
  private async pump(start: number): Promise<void> {
    const window = this.options.window ?? 8;
    const { rate, perEnvelope } = this.options;
    while (this.busy) {
      let sentSome = false;
      for (const station of this.stations.values()) {
        while (station.queue.length > 0 && station.inFlight < window) {
          if (rate !== undefined) {
            const due = start + (this.progress.sent / rate) * 1_000;
            if (due > Date.now()) break;
          }
          const batch = station.queue.splice(0, perEnvelope);
          this.send(station, batch);
          sentSome = true;
        }
      }
      if (!sentSome) {
        await Promise.race([
          new Promise<void>((resolve) => (this.wake = resolve)),
          sleep(rate === undefined ? 1_000 : 5),
        ]);
      }
    }
  }

  private send(station: Station, batch: Pending[]): void {
    station.inFlight += 1;
    this.progress.sent += batch.length;
    const sentAt = performance.now();
    const scans = batch.map((p) => ({ ...p.scan, at: new Date().toISOString() }));
    void station.link.send(scans).then((verdicts: VerdictMessage) => {
      station.inFlight -= 1;
      const latency = performance.now() - sentAt;
      batch.forEach((pending, i) => {
        const verdict = verdicts.accepted ? verdicts.verdicts[i]?.code : verdicts.reason;
        const ok = verdict === 'OK';
        this.progress.acknowledged += 1;
        const container = pending.scan.raw.startsWith('(00)');
        (container ? this.progress.containerLatencies : this.progress.latencies).push(latency);
        if (ok) this.progress.accepted += 1;
        else {
          this.progress.rejected += 1;
          const key = verdict ?? 'UNANSWERED';
          this.progress.rejections[key] = (this.progress.rejections[key] ?? 0) + 1;
        }
        pending.then(ok);
      });
      this.wake?.();
    });
  }

  private report(start: number): void {
    this.progress.elapsedMs = Date.now() - start;
    this.progress.rate =
      this.progress.acknowledged / Math.max(this.progress.elapsedMs / 1_000, 0.001);
    this.options.onProgress?.(this.progress);
  }
}
