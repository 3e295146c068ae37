// From MQTT payload bytes to a validated envelope, deciding the four quarantine reasons that need
// nothing but the bytes, in the order a cheap check goes first: OVERSIZE (before decoding
// anything), NOT_JSON (strict UTF-8, no byte-order mark, then JSON), UNSUPPORTED_VERSION (so a
// future version's different shape is not reported as a SCHEMA error), SCHEMA (naming the first
// wrong field by its path, e.g. `scans[3].site`). Oversized lists and texts inside the envelope
// are OVERSIZE too. Device, revocation, signature and replay need the database and keys: the
// ingest checks them next, with the reasons exported from quarantine-reason.ts.
import type { z } from 'zod';
import { envelopeSchema, MAX_ENVELOPE_BYTES, MAX_SEQ, PROTOCOL_VERSION } from './envelope';
import type { ScanEnvelope } from './envelope';
import type { ParseQuarantineReason } from './quarantine-reason';

/** The outcome of {@link parseEnvelope}. */
export type EnvelopeParseResult =
  | { ok: true; envelope: ScanEnvelope }
  | {
      ok: false;
      reason: ParseQuarantineReason;
      /** One sentence naming what is wrong: the size, the JSON error, the field path. */
      detail: string;
      /** The envelope's `seq` when it could be read, so the device can match the answer. */
      seq: number | null;
    };

/** Options for {@link parseEnvelope}. */
export interface ParseEnvelopeOptions {
  /** The device id from the topic the message arrived on: `device` must equal it. */
  topicDevice?: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function fail(
  reason: ParseQuarantineReason,
  detail: string,
  seq: number | null = null,
): EnvelopeParseResult {
  return { ok: false, reason, detail, seq };
}

/** `scans[3].raw` from ['scans', 3, 'raw']; 'the envelope' for the root. */
function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path)
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || 'the envelope';
}

function describe(issue: z.core.$ZodIssue): string {
  const where = pathText(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return `${where} has ${issue.keys.length === 1 ? 'an unknown field' : 'unknown fields'} ${keys}: remove ${issue.keys.length === 1 ? 'it' : 'them'}`;
  }
  return `${where} ${issue.message}`;
}

const isOversize = (issue: z.core.$ZodIssue): boolean =>
  issue.code === 'too_big' && (issue.origin === 'array' || issue.origin === 'string');

/**
 * Reads an MQTT payload as a scan envelope. Never throws: every failure is a quarantine reason
 * with a sentence. Does not check the device, its key, the signature or the sequence number.
 * @example
 * const result = parseEnvelope(payload, { topicDevice: parseScanTopic(topic)! });
 * if (!result.ok) quarantine(result.reason, result.detail); // e.g. SCHEMA, 'scans[0].site must be ...'
 */
export function parseEnvelope(
  bytes: Uint8Array,
  options: ParseEnvelopeOptions = {},
): EnvelopeParseResult {
  if (bytes.length > MAX_ENVELOPE_BYTES) {
    return fail(
      'OVERSIZE',
      `the message is ${bytes.length} bytes; the limit is ${MAX_ENVELOPE_BYTES}: send fewer scans per envelope`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch (error) {
    const why = error instanceof SyntaxError ? error.message : 'it is not valid UTF-8';
    return fail('NOT_JSON', `the message is not JSON text in UTF-8: ${why}`);
  }
  const top = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
  const rawSeq = top && 'seq' in top ? top.seq : undefined;
  const seq =
    typeof rawSeq === 'number' && Number.isSafeInteger(rawSeq) && rawSeq >= 0 && rawSeq <= MAX_SEQ
      ? rawSeq
      : null;
  const v = top && 'v' in top ? top.v : undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v !== PROTOCOL_VERSION) {
    return fail(
      'UNSUPPORTED_VERSION',
      `the message is protocol version ${v}; this platform speaks version ${PROTOCOL_VERSION}`,
      seq,
    );
  }
  const parsed = envelopeSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const oversize = issues.find(isOversize);
    const first = oversize ?? issues[0]!;
    const others = issues.length - 1;
    const more = others > 0 ? ` (and ${others} more ${others === 1 ? 'problem' : 'problems'})` : '';
    return fail(oversize ? 'OVERSIZE' : 'SCHEMA', `${describe(first)}${more}`, seq);
  }
  const envelope = parsed.data;
  if (options.topicDevice !== undefined && envelope.device !== options.topicDevice) {
    return fail(
      'SCHEMA',
      `device ${envelope.device} is not the device of the topic it was published on (${options.topicDevice})`,
      seq,
    );
  }
  return { ok: true, envelope };
}
