/** Between the stored pack rows and the domain's PackView, both ways. */
import type { PackView } from '@pedigree/domain';
import type { PackChange, PackRecord } from '@pedigree/persistence';

/** The domain's view of a stored pack. */
export function toView(record: PackRecord): PackView {
  return {
    state: record.state as PackView['state'],
    custodySiteId: record.custodySiteId,
    inTransitTo: record.inTransitTo,
    containerSscc: record.containerSscc,
    expiry: record.expiry,
    batchRecalled: record.batchRecalled,
    productWithdrawn: record.productWithdrawn,
    lastDecommission: record.lastDecommission && {
      ...record.lastDecommission,
      state: record.lastDecommission.state as PackView['state'],
      at: new Date(record.lastDecommission.at),
    },
  };
}

/** What the domain's next view changes in a stored pack. */
export function toChange(id: string, view: PackView): PackChange {
  return {
    id,
    state: view.state,
    custodySiteId: view.custodySiteId,
    inTransitTo: view.inTransitTo,
    containerSscc: view.containerSscc,
    lastDecommission: view.lastDecommission && {
      ...view.lastDecommission,
      at: view.lastDecommission.at.toISOString(),
    },
  };
}
