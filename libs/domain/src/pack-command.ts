// What a caller asks of a pack: the action, when it happened, who asked and where. The HTTP API,
// the MQTT ingest and EPCIS capture all reduce their input to this one shape before `decide`.

import type { PackAction } from './pack-action';

/** One command for one pack. */
export interface PackCommand {
  action: PackAction;
  /** When it happened (the scan or event time); a decommissioning records it. */
  at: Date;
  organisationId: string;
  /** The site where it happens; null only for a read or an organisation-wide step (verify, recall). */
  siteId: string | null;
  /** `ship`: the site the pack is going to. */
  destinationSiteId?: string;
  /**
   * `ship` without `destinationSiteId`: the sender declared no destination (an EPCIS shipping
   * event with no location in its destinationList), so the pack is in transit to no site in
   * particular and the first site to receive it takes it. Only EPCIS capture sets it; the API's
   * steps and scanners name the destination.
   */
  destinationUndeclared?: boolean;
  /** `pack`: the container packed into; `ship`/`receive`/`unpack`: the container scanned with it. */
  containerSscc?: string;
  /** `commission`: the pack's expiry, GS1 AI 17 YYMMDD (day 00 = end of month). */
  expiry?: string;
  /** `recall`: a batch recall (the default) or a withdrawal of the whole product. */
  recallScope?: 'batch' | 'product';
}
