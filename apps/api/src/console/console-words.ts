/**
 * Everything the web console says, in English: the server-rendered pages and the counter's
 * script share these words (docs/console.md). A verdict's level and icon are the consumer page's
 * (consumer-words.ts `consumerVerdict`); the sentence under it is the API's own, written for the
 * counter (DESIGN.md's vocabulary). Another language is another object of this shape.
 */
import type { DECOMMISSION_ACTIONS } from '@pedigree/domain';
import type { Level } from '../consumer/consumer-words';

/**
 * The decommissionings the counter offers behind a confirmation (POST /decommissions): the
 * domain's DECOMMISSION_ACTIONS but dispense, written out because the page's script bundles this
 * file and importing the domain's values would bundle the whole domain library
 * (console-words.spec.ts keeps the two lists the same).
 */
export const OTHER_ACTIONS = [
  'destroy',
  'report_stolen',
  'supply_sample',
  'supply_free_sample',
  'export',
  'check_out',
  'lock',
] as const satisfies ReadonlyArray<Exclude<(typeof DECOMMISSION_ACTIONS)[number], 'dispense'>>;

export type OtherAction = (typeof OTHER_ACTIONS)[number];

/** The actions a day's list shows: decommissionings and their reverts. */
export type ListedAction = 'dispense' | OtherAction | 'undo' | 'unlock';

export const CONSOLE_WORDS = {
  locale: 'en-GB',
  brand: 'Pedigree console',
  needsScript:
    'The console needs JavaScript, which is turned off or blocked in this browser. Turn it on for this site and reload.',
  unreachable: 'The platform could not be reached: check the network and try again.',
  sessionEnded: 'Your session has ended. Sign in again to go on.',
  signIn: {
    title: 'Sign in',
    lead: 'Sign in with your organisation’s API key. The console exchanges it for a session on this browser, which ends when you sign out, after 12 hours, or when the key is revoked. The key itself is not kept.',
    keyLabel: 'API key',
    keyHint: 'It starts with pdg_. Your organisation’s administrator issues keys (POST /api-keys).',
    submit: 'Sign in',
    working: 'Signing in…',
  },
  shell: {
    skip: 'Skip to the main content',
    menu: 'Console screens',
    signedInAs: 'Signed in as',
    signOut: 'Sign out',
  },
  home: {
    title: 'Welcome',
    none: 'There is no console screen for your organisation’s roles ({roles}) yet. Everything is in the HTTP API: see /docs.',
  },
  forbidden: {
    title: 'Not open to your organisation',
    back: 'Back to the console',
  },
  counter: {
    title: 'Pharmacy counter',
    site: 'Counter site',
    noSite:
      'Your organisation has no site yet. Register the pharmacy with POST /sites (its GLN, name and address), then reload.',
    scanLabel: 'Scan a pack',
    scanHint:
      'Scan the pack’s code, or type it and press Enter. Then F2 dispenses the pack shown; F8 undoes its decommissioning; Esc clears.',
    check: 'Check',
    waiting: 'Scan a pack to check it.',
    checking: 'Checking…',
    levels: {
      genuine: 'Genuine: may be supplied',
      caution: 'Caution: do not supply',
      danger: 'Stop: do not supply',
    } satisfies Record<Level, string>,
    facts: {
      product: 'Medicine',
      batch: 'Batch',
      expiry: 'Expiry',
      serial: 'Serial number',
      gtin: 'Product code (GTIN)',
      state: 'Recorded state',
      code: 'Verdict code',
      read: 'Code read',
    },
    dispense: 'Dispense',
    dispenseKey: 'F2',
    undo: 'Undo',
    undoKey: 'F8',
    otherAction: 'Other action',
    otherActionButton: 'Record…',
    working: 'Recording…',
    done: {
      dispense: 'Dispensed: recorded at {time}. F8 undoes it if the pack did not leave.',
      undo: 'Undone: the pack is back in this site’s stock.',
      other: 'Recorded: {action}.',
    },
    refused: 'Nothing was recorded.',
    confirm: {
      title: 'Record: {action}?',
      ok: 'Yes, record it',
      cancel: 'Cancel',
    },
    actions: {
      dispense: 'Dispensed',
      destroy: 'Destroyed',
      report_stolen: 'Reported stolen',
      supply_sample: 'Taken as a sample',
      supply_free_sample: 'Given as a free sample',
      export: 'Exported',
      check_out: 'Checked out for repackaging',
      lock: 'Locked for investigation',
      unlock: 'Released',
      undo: 'Undone: back in stock',
    } satisfies Record<ListedAction, string>,
    actionNames: {
      destroy: 'Destroy',
      report_stolen: 'Report stolen',
      supply_sample: 'Supply as a sample',
      supply_free_sample: 'Supply as a free sample',
      export: 'Export out of the EU',
      check_out: 'Check out for repackaging',
      lock: 'Lock for investigation',
    } satisfies Record<OtherAction, string>,
    consequences: {
      destroy: 'The pack is recorded as destroyed. This is final: it cannot be undone.',
      report_stolen: 'The pack is reported stolen. This is final: it cannot be undone.',
      supply_sample:
        'The pack is recorded as taken as a sample (for the authorities or for testing). Your site can undo it within 10 days.',
      supply_free_sample:
        'The pack is recorded as handed out free of charge. Your site can undo it within 10 days.',
      export:
        'The pack is recorded as shipped out of the EU. Your site can undo it within 10 days.',
      check_out:
        'The pack is checked out before repackaging. Your site can undo it within 10 days.',
      lock: 'The pack is set aside while it is investigated: nobody can supply it until your site releases it (POST /decommissions/unlock).',
    } satisfies Record<OtherAction, string>,
    manual: {
      summary: 'Type in the code of a damaged pack',
      lead: 'Copy the four data elements printed in clear beside the code.',
      gtin: 'Product code (GTIN or PC)',
      serial: 'Serial number (SN)',
      lot: 'Batch (LOT)',
      expiry: 'Expiry (EXP)',
      expiryHint: 'As printed: YYMMDD, 2030-12-31, 31/12/2030, 2030-12 or 12/2030.',
      submit: 'Check this pack',
    },
    today: {
      title: 'Today at this counter',
      lead: 'What this site verified and recorded since midnight, and the alerts it raised, newest first.',
      empty: 'Nothing yet today.',
      refresh: 'Refresh',
      time: 'Time',
      what: 'What',
      pack: 'Pack',
      checked: 'Checked: {code}',
      alert: 'Alert raised: {code}',
      undone: 'undone since',
      undo: 'Undo',
    },
    settings: {
      summary: 'Scanner settings',
      gsLabel: 'Text your scanner sends for the GS separator',
      gsHint:
        'GS1 codes separate some fields with an invisible GS character. Scanners that cannot type it send a substitute instead: set the same text here (for example ^, |, ~ or <GS>). Leave it empty if the scanner sends the GS byte itself (or Ctrl+]).',
      save: 'Save',
      saved: 'Saved for this browser.',
    },
  },
} as const;

export type ConsoleWords = typeof CONSOLE_WORDS;
