// The rules a cell of the transition table cannot express because they depend on who asks, where
// and when: custody (which site holds the pack), containers (a packed pack travels with its case),
// the undo rules of FMD Art. 13 and the data a commissioning must carry. Each is checked only once
// the table has allowed the action, and each refusal says which rule failed and what to do.

import { isValidSscc } from '@pedigree/gs1';
import { expiryEnd, isExpired } from './expiry';
import type { PackView } from './pack';
import type { PackCommand } from './pack-command';
import { stateInWords, when } from './pack-reasons';
import type { RefusalCode } from './verdict';

/** A refused command: its code and the operator's sentence. */
export interface Refusal {
  ok: false;
  code: RefusalCode;
  reason: string;
}

/** How long after a decommissioning the same site may undo it: 10 days of 24 hours (Art. 13(1)(b)). */
export const UNDO_WINDOW_MS = 10 * 24 * 60 * 60 * 1000;

const refuse = (code: RefusalCode, reason: string): Refusal => ({ ok: false, code, reason });

/** The site must be named: a physical step happens somewhere. */
function needsSite(command: PackCommand): Refusal | null {
  return command.siteId === null
    ? refuse(
        'WRONG_CUSTODY',
        `A ${command.action.replace(/_/g, ' ')} must be recorded by a site: send it from a scanner or key that belongs to the site where it happens.`,
      )
    : null;
}

/** The site asking must be the one holding the pack. */
function holds(pack: PackView, command: PackCommand): Refusal | null {
  if (pack.custodySiteId === command.siteId) return null;
  if (pack.custodySiteId === null) {
    return refuse(
      'WRONG_CUSTODY',
      `This pack is in transit${pack.inTransitTo ? ` to site ${pack.inTransitTo}` : ''} and held by no site: receive it first, then try again.`,
    );
  }
  return refuse(
    'WRONG_CUSTODY',
    `This pack is recorded as held by site ${pack.custodySiteId}, not by site ${command.siteId}: do not supply it; check where it came from and that its shipment was recorded.`,
  );
}

/** A packed pack moves only with its case; a loose one only loose. */
function travelsWithContainer(pack: PackView, command: PackCommand): Refusal | null {
  const scanned = command.containerSscc ?? null;
  if (scanned === pack.containerSscc) return null;
  return refuse(
    'SUSPECT',
    pack.containerSscc === null
      ? `This pack is recorded as loose, not inside container ${scanned}: check the container's contents and record them again.`
      : `This pack is recorded inside container ${pack.containerSscc}${scanned ? `, not ${scanned}` : ''}: move the whole container, or unpack the pack from it first.`,
  );
}

/**
 * Why a commissioning of a new serial is refused, or null when it may go ahead.
 * @example commissionRefusal({ action: 'commission', at, organisationId: 'o', siteId: 's', expiry: '261231' }, now) // null
 */
export function commissionRefusal(command: PackCommand, now: Date): Refusal | null {
  const site = needsSite(command);
  if (site) return site;
  if (command.expiry === undefined || expiryEnd(command.expiry, now) === null) {
    return refuse(
      'MALFORMED_CODE',
      `A commissioning needs the pack's expiry as YYMMDD (AI 17, day 00 for the month's end), not ${command.expiry === undefined ? 'nothing' : `"${command.expiry}"`}: send the expiry printed on the pack.`,
    );
  }
  if (isExpired(command.expiry, now)) {
    return refuse(
      'EXPIRED',
      `A pack expiring ${command.expiry} is already past its expiry: check the expiry date before commissioning.`,
    );
  }
  return null;
}

/**
 * Why a command the table allows is still refused for an existing pack (custody, containers,
 * undo), or null when it may go ahead.
 * @example guardRefusal(pack, { action: 'ship', at, organisationId: 'o', siteId: 'elsewhere', destinationSiteId: 'd' }, now)?.code // 'WRONG_CUSTODY'
 */
export function guardRefusal(pack: PackView, command: PackCommand, now: Date): Refusal | null {
  switch (command.action) {
    case 'commission':
    case 'recall':
      return null;
    case 'lock':
    case 'unlock':
      // The site holding the pack sets it aside for an investigation and releases it; a locked
      // pack cannot move, so its holder is the organisation that locked it.
      return needsSite(command) ?? holds(pack, command);
    case 'verify':
      if (command.siteId === null || command.siteId === pack.inTransitTo) return null;
      return holds(pack, command);
    case 'report_stolen':
      return needsSite(command);
    case 'dispense':
    case 'destroy':
    case 'supply_sample':
    case 'supply_free_sample':
    case 'export':
    case 'check_out':
      return needsSite(command) ?? holds(pack, command);
    case 'pack':
      return needsSite(command) ?? holds(pack, command) ?? packInto(pack, command);
    case 'unpack':
      return needsSite(command) ?? holds(pack, command) ?? unpackFrom(pack, command);
    case 'ship':
      return (
        needsSite(command) ??
        holds(pack, command) ??
        destination(command) ??
        travelsWithContainer(pack, command)
      );
    case 'receive':
      return needsSite(command) ?? arrival(pack, command) ?? travelsWithContainer(pack, command);
    case 'undo':
      return needsSite(command) ?? undoRefusal(pack, command, now);
    default: {
      const unreachable: never = command.action;
      return unreachable;
    }
  }
}

function packInto(pack: PackView, command: PackCommand): Refusal | null {
  const sscc = command.containerSscc;
  if (sscc === undefined || !isValidSscc(sscc)) {
    return refuse(
      'MALFORMED_CODE',
      `Packing needs the container's SSCC (18 digits with its check digit), not ${sscc === undefined ? 'nothing' : `"${sscc}"`}: scan the container's label.`,
    );
  }
  if (pack.containerSscc !== null && pack.containerSscc !== sscc) {
    return refuse(
      'SUSPECT',
      `This pack is already recorded inside container ${pack.containerSscc}: unpack it from that container before packing it into ${sscc}.`,
    );
  }
  return null;
}

function unpackFrom(pack: PackView, command: PackCommand): Refusal | null {
  if (pack.containerSscc === null) {
    return refuse(
      'SUSPECT',
      'This pack is not recorded inside any container, so there is nothing to unpack it from: check that you scanned the right pack.',
    );
  }
  return command.containerSscc === undefined || command.containerSscc === pack.containerSscc
    ? null
    : refuse(
        'SUSPECT',
        `This pack is recorded inside container ${pack.containerSscc}, not ${command.containerSscc}: check the container's contents.`,
      );
}

function destination(command: PackCommand): Refusal | null {
  if (!command.destinationSiteId) {
    if (command.destinationUndeclared) return null;
    return refuse(
      'WRONG_CUSTODY',
      'A shipment needs the destination site: choose where the pack is going, then ship it.',
    );
  }
  return command.destinationSiteId === command.siteId
    ? refuse(
        'WRONG_CUSTODY',
        `Site ${command.siteId} cannot ship a pack to itself: choose the destination site.`,
      )
    : null;
}

function arrival(pack: PackView, command: PackCommand): Refusal | null {
  // Shipped with no destination declared: held by no site and bound for none, so the first site
  // to receive it takes it.
  if (pack.inTransitTo === null && pack.custodySiteId === null && pack.lastDecommission === null) {
    return null;
  }
  if (pack.inTransitTo === null) {
    return refuse(
      'WRONG_CUSTODY',
      `This pack was never shipped${pack.custodySiteId ? `; it is recorded as held by site ${pack.custodySiteId}` : ''}: do not accept it until the sender records the shipment.`,
    );
  }
  return pack.inTransitTo === command.siteId
    ? null
    : refuse(
        'WRONG_CUSTODY',
        `This pack was shipped to site ${pack.inTransitTo}, not to site ${command.siteId}: do not accept it; contact the sender.`,
      );
}

/** FMD Art. 13: same organisation, same site, within 10 days, not expired (recall is the table's). */
function undoRefusal(pack: PackView, command: PackCommand, now: Date): Refusal | null {
  const d = pack.lastDecommission;
  if (d === null) {
    return refuse(
      'SUSPECT',
      `This pack is ${stateInWords(pack.state)} but no decommissioning is recorded for it: do not supply it; report it so its record can be checked.`,
    );
  }
  const what = `This pack was ${stateInWords(d.state)} on ${when(d.at)} by organisation ${d.organisationId} at site ${d.siteId}`;
  if (d.organisationId !== command.organisationId || d.siteId !== command.siteId) {
    return refuse(
      'WRONG_CUSTODY',
      `${what}: only that organisation, at that same site, may undo it. Do not supply it; return it to them.`,
    );
  }
  if (now.getTime() - d.at.getTime() > UNDO_WINDOW_MS) {
    return refuse(
      'ALREADY_DECOMMISSIONED',
      `${what}: an undo is allowed for 10 days only, and that time is over. Do not supply it.`,
    );
  }
  if (isExpired(pack.expiry, now)) {
    return refuse(
      'EXPIRED',
      `${what}, and it has expired since (expiry ${pack.expiry}): an expired pack cannot be put back into stock. Set it aside for destruction.`,
    );
  }
  return null;
}
