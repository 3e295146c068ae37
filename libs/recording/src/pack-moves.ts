/**
 * Pack steps judged in memory against packs looked up beforehand (`PackResolver.resolveEach`), in
 * the order given, each seeing what the ones before it did: one HTTP or captured step, or a run
 * of captured shipments and receipts (docs/epcis.md, "Capture"). The caller writes `changes()`.
 */
import { decide, packUri, type PackView } from '@pedigree/domain';
import type { PackChange } from '@pedigree/persistence';
import type { PackStep } from './event-recorder.service';
import { refuseIfAny, type ItemRef } from './item-code';
import { toChange, toView } from './pack-projection';
import type { Resolution } from './pack-resolver';
import type { RefusedItem } from './recording-error';

export class PackMoves {
  private readonly views = new Map<string, PackView>();

  constructor(
    private readonly resolved: ReadonlyMap<ItemRef, Resolution>,
    private readonly now: Date,
  ) {}

  /**
   * Judges every pack the step reaches, each once, and keeps their next states: the packs named,
   * and with a nested look-up those inside the cases and pallets named.
   * @returns the ids of the packs moved
   * @throws RecordingError when any item is refused, every refusal in `details`; then nothing
   *   of the step is kept
   */
  move(step: PackStep, at: Date): string[] {
    const resolutions = step.items.map((item) => this.resolved.get(item)!);
    refuseIfAny(resolutions.flatMap((r) => (r.ok ? [] : [r.refused])));
    const refused: RefusedItem[] = [];
    const next = new Map<string, PackView>();
    const judged = new Set<string>();
    for (const { item, record } of resolutions.flatMap((r) => (r.ok ? r.packs : []))) {
      // A pack named and also reached inside a container it names is judged once.
      if (judged.has(record.id)) continue;
      judged.add(record.id);
      const view = this.views.get(record.id) ?? toView(record);
      const decision = decide(
        view,
        {
          action: step.action,
          at,
          organisationId: step.organisation.id,
          siteId: step.site.id,
          destinationSiteId: step.destination?.id,
          destinationUndeclared: step.destinationUndeclared,
          // A pack reached inside a case or pallet travels with it; a pack named is in the
          // container the step names, if any.
          containerSscc: item === null ? (view.containerSscc ?? undefined) : step.containerSscc,
        },
        this.now,
      );
      if (decision.ok) next.set(record.id, decision.next);
      else
        refused.push({
          item: item ?? packUri(record.gtin, record.serial),
          code: decision.code,
          reason: decision.reason,
        });
    }
    refuseIfAny(refused);
    for (const [id, view] of next) this.views.set(id, view);
    return [...next.keys()];
  }

  /** The packs' states after every step kept, to write. */
  changes(): PackChange[] {
    return [...this.views].map(([id, view]) => toChange(id, view));
  }
}
