// The scan envelope: what a scanner publishes on its scan topic (docs/protocol.md, "The envelope").
// One schema, used by the ingest to validate and by scanner agents to build, so both sides agree
// on every field, type and limit. Strict objects: an unknown field is refused rather than ignored,
// because the signature covers the whole envelope and a field nobody reads must not ride along.
// No top-level `data`, `pattern` or `id` key: Nest's MQTT deserializer would unwrap or answer them.
import type { PackAction } from '@pedigree/domain';
import { isValidGln } from '@pedigree/gs1';
import { fromBase64 } from '@pedigree/ledger';
import { z } from 'zod';
import { DEVICE_ID_PATTERN } from './topics';

/** The protocol version this library speaks, the envelope's `v`. */
export const PROTOCOL_VERSION = 1;
/** The largest MQTT payload accepted, in bytes (256 KiB). */
export const MAX_ENVELOPE_BYTES = 262_144;
/** The most scans one envelope may carry. */
export const MAX_SCANS = 500;
/** The longest `raw`, in UTF-8 bytes (a full QR Code carries at most 2,953 bytes; GS1 data far less). */
export const MAX_RAW_BYTES = 2_048;
/** The longest `shipment` reference, in characters (printable ASCII). */
export const MAX_SHIPMENT_LENGTH = 64;
/** The largest sequence number, 2^53 - 1 (exact in every JSON implementation that uses doubles). */
export const MAX_SEQ = Number.MAX_SAFE_INTEGER;

/**
 * The business steps a scanner performs, as CBV 2.0 BizStep words. Each is one platform action
 * ({@link SCAN_STEP_ACTIONS}); packing and the FMD decommissionings other than dispensing need
 * more than a scan (a parent SSCC, a reason) and go through the HTTP API.
 */
export const SCAN_STEPS = ['shipping', 'receiving', 'inspecting', 'dispensing'] as const;

/** One scanner business step. */
export type ScanStep = (typeof SCAN_STEPS)[number];

/**
 * The pack action each step asks for: `inspecting` is a verification (changes nothing, answers
 * what a dispense would get), `dispensing` decommissions the pack at a pharmacy.
 */
export const SCAN_STEP_ACTIONS: Readonly<
  Record<ScanStep, Extract<PackAction, 'ship' | 'receive' | 'verify' | 'dispense'>>
> = {
  shipping: 'ship',
  receiving: 'receive',
  inspecting: 'verify',
  dispensing: 'dispense',
};

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/;

/**
 * Milliseconds since the Unix epoch of a protocol timestamp (RFC 3339 in UTC with `Z`, 0 to 3
 * fraction digits, no leap second), or null when `text` is not one.
 * @throws never
 * @example timestampMs('2026-03-14T09:27:05.120Z') // 1773480425120
 */
export function timestampMs(text: string): number | null {
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as number[];
  const ms = Number((m[7] ?? '').padEnd(3, '0'));
  const t = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!, ms);
  const back = new Date(t);
  const same =
    back.getUTCFullYear() === year &&
    back.getUTCMonth() === month! - 1 &&
    back.getUTCDate() === day &&
    back.getUTCHours() === hour &&
    back.getUTCMinutes() === minute &&
    back.getUTCSeconds() === second;
  return same ? t : null;
}

/** An error message for a field, with "is missing" when the field is absent. */
const expect = (what: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? `is missing: it must be ${what}` : `must be ${what}`,
});

const timestamp = (what: string) =>
  z.string(expect(what)).refine((text) => timestampMs(text) !== null, { error: `must be ${what}` });

const gln = (what: string) =>
  z
    .string(expect(`${what}, 13 digits ending in the GS1 check digit`))
    .refine(isValidGln, { error: `must be ${what}, 13 digits ending in the GS1 check digit` });

const utf8 = new TextEncoder();

/** One scan: what was read, when, where and for which business step. */
export const scanSchema = z
  .strictObject(
    {
      raw: z
        .string(expect('the scanned data as text'))
        .min(1, { error: 'must not be empty' })
        .refine((text) => text.isWellFormed(), {
          error: 'must be well-formed Unicode (no lone surrogate)',
        })
        .superRefine((text, context) => {
          const bytes = utf8.encode(text).length;
          if (bytes > MAX_RAW_BYTES) {
            context.addIssue({
              code: 'too_big',
              origin: 'string',
              maximum: MAX_RAW_BYTES,
              inclusive: true,
              input: text,
              message: `is ${bytes} UTF-8 bytes; the limit is ${MAX_RAW_BYTES}`,
            });
          }
        }),
      at: timestamp('the scan time, RFC 3339 in UTC such as 2026-03-14T09:26:58.431Z'),
      step: z.enum(SCAN_STEPS, expect(`one of ${SCAN_STEPS.join(', ')}`)),
      site: gln("the scanning site's GLN"),
      destination: gln("the destination site's GLN").optional(),
      shipment: z
        .string(expect('a shipment reference, printable ASCII'))
        .max(MAX_SHIPMENT_LENGTH, {
          error: `must be at most ${MAX_SHIPMENT_LENGTH} characters`,
        })
        .regex(/^[!-~](?:[ -~]*[!-~])?$/, {
          error: 'must be printable ASCII without leading or trailing spaces',
        })
        .optional(),
    },
    { error: 'must be an object with raw, at, step and site' },
  )
  .superRefine((scan, context) => {
    if (scan.step === 'shipping' && scan.destination === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['destination'],
        message: "is missing: a shipping scan must name the destination site's GLN",
      });
    }
    if (scan.step !== 'shipping' && scan.destination !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['destination'],
        message: 'is only allowed on a shipping scan',
      });
    }
  });

/** The envelope: one device's numbered, signed batch of scans. */
export const envelopeSchema = z.strictObject(
  {
    v: z.literal(PROTOCOL_VERSION, expect(`the protocol version ${PROTOCOL_VERSION}`)),
    device: z
      .string(expect("the device's id, a lower-case UUID"))
      .regex(DEVICE_ID_PATTERN, { error: "must be the device's id, a lower-case UUID" }),
    seq: z
      .number(expect(`an integer from 0 to ${MAX_SEQ}`))
      .int({ error: `must be an integer from 0 to ${MAX_SEQ}` })
      .min(0, { error: `must be an integer from 0 to ${MAX_SEQ}` })
      .max(MAX_SEQ, { error: `must be an integer from 0 to ${MAX_SEQ}` }),
    sentAt: timestamp('the send time, RFC 3339 in UTC such as 2026-03-14T09:27:05.120Z'),
    scans: z
      .array(scanSchema, expect('a list of scans'))
      .min(1, { error: 'must hold at least one scan' })
      .max(MAX_SCANS, { error: `must hold at most ${MAX_SCANS} scans` }),
    sig: z
      .string(expect('the Ed25519 signature, 64 bytes in padded base64'))
      .refine(isSignatureText, {
        error: 'must be the Ed25519 signature, 64 bytes in standard padded base64 (88 characters)',
      }),
  },
  { error: 'must be a JSON object' },
);

function isSignatureText(text: string): boolean {
  try {
    return fromBase64(text).length === 64;
  } catch {
    return false;
  }
}

/** One scan of an envelope. */
export type Scan = z.infer<typeof scanSchema>;
/** A signed scan envelope, as validated by {@link envelopeSchema}. */
export type ScanEnvelope = z.infer<typeof envelopeSchema>;
/** An envelope before signing: everything but `sig`. */
export type UnsignedScanEnvelope = Omit<ScanEnvelope, 'sig'>;
