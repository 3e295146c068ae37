// The answer to one envelope (docs/protocol.md, "The verdict message"), published on the device's
// verdict topic: either the envelope was accepted and every scan has a verdict from the one
// vocabulary of DESIGN.md (`OK` or an alert code, with its plain sentence), or the whole envelope
// was quarantined with a reason. One message per envelope, also for an identical redelivery (the
// same verdicts again). No top-level `data`, `pattern` or `id` key, for Nest's MQTT deserializer.
import { VERDICT_CODES, VERDICT_SENTENCES } from '@pedigree/domain';
import type { VerdictCode } from '@pedigree/domain';
import { z } from 'zod';
import { MAX_SCANS, MAX_SEQ, PROTOCOL_VERSION } from './envelope';
import { QUARANTINE_REASONS, QUARANTINE_SENTENCES } from './quarantine-reason';
import type { QuarantineReason } from './quarantine-reason';
import { DEVICE_ID_PATTERN } from './topics';

/** The longest `sentence` or `detail` in a verdict message, in characters. */
export const MAX_VERDICT_TEXT = 1_000;

const text = z.string().min(1).max(MAX_VERDICT_TEXT);

/** The verdict on one scan, `index` being its position in the envelope's `scans`. */
export const scanVerdictSchema = z.strictObject({
  index: z
    .number()
    .int()
    .min(0)
    .max(MAX_SCANS - 1),
  code: z.enum(VERDICT_CODES),
  sentence: text,
  /** The particulars for the operator (which state, when, where), when the code has any. */
  detail: text.optional(),
});

/** The answer to one envelope. */
export const verdictMessageSchema = z
  .strictObject({
    v: z.literal(PROTOCOL_VERSION),
    device: z.string().regex(DEVICE_ID_PATTERN),
    /** The envelope's `seq`; null only when the envelope could not be read far enough to know it. */
    seq: z.number().int().min(0).max(MAX_SEQ).nullable(),
    accepted: z.boolean(),
    reason: z.enum(QUARANTINE_REASONS).optional(),
    detail: text.optional(),
    verdicts: z.array(scanVerdictSchema).max(MAX_SCANS),
  })
  .superRefine((message, context) => {
    if (message.accepted) {
      if (message.reason !== undefined || message.detail !== undefined) {
        context.addIssue({
          code: 'custom',
          path: ['reason'],
          message: 'an accepted envelope has no reason or detail',
        });
      }
      if (message.seq === null) {
        context.addIssue({
          code: 'custom',
          path: ['seq'],
          message: 'an accepted envelope has a sequence number',
        });
      }
      if (message.verdicts.length === 0 || message.verdicts.some((x, i) => x.index !== i)) {
        context.addIssue({
          code: 'custom',
          path: ['verdicts'],
          message: 'an accepted envelope has one verdict per scan, in scan order (index 0, 1, ...)',
        });
      }
    } else if (
      message.reason === undefined ||
      message.detail === undefined ||
      message.verdicts.length > 0
    ) {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'a quarantined envelope has a reason and a detail, and no verdicts',
      });
    }
  });

/** The verdict on one scan. */
export type ScanVerdict = z.infer<typeof scanVerdictSchema>;
/** The answer to one envelope. */
export type VerdictMessage = z.infer<typeof verdictMessageSchema>;

/**
 * The answer to an accepted envelope: one verdict per scan, in scan order, each with its sentence.
 * @throws RangeError when `verdicts` is empty or longer than MAX_SCANS
 * @example acceptedVerdicts(envelope, [{ code: 'OK' }, { code: 'RECALLED' }])
 */
export function acceptedVerdicts(
  envelope: { device: string; seq: number },
  verdicts: ReadonlyArray<{ code: VerdictCode; detail?: string }>,
): VerdictMessage {
  if (verdicts.length === 0 || verdicts.length > MAX_SCANS) {
    throw new RangeError(
      `An accepted envelope has 1 to ${MAX_SCANS} verdicts, one per scan; got ${verdicts.length}.`,
    );
  }
  return {
    v: PROTOCOL_VERSION,
    device: envelope.device,
    seq: envelope.seq,
    accepted: true,
    verdicts: verdicts.map(({ code, detail }, index) => ({
      index,
      code,
      sentence: VERDICT_SENTENCES[code],
      ...(detail !== undefined && { detail }),
    })),
  };
}

/**
 * The answer to a quarantined envelope: its reason and a detail naming what was wrong; the
 * detail defaults to the reason's sentence.
 * @throws never
 * @example quarantinedVerdicts(device, 7, 'SCHEMA', 'scans[0].site must be ...')
 */
export function quarantinedVerdicts(
  device: string,
  seq: number | null,
  reason: QuarantineReason,
  detail: string = QUARANTINE_SENTENCES[reason],
): VerdictMessage {
  return {
    v: PROTOCOL_VERSION,
    device,
    seq,
    accepted: false,
    reason,
    detail: detail.slice(0, MAX_VERDICT_TEXT) || QUARANTINE_SENTENCES[reason],
    verdicts: [],
  };
}

/**
 * The MQTT payload of a verdict message: its JSON as UTF-8.
 * @throws never
 * @example client.publish(verdictTopic(device), encodeVerdictMessage(message), { qos: 1 })
 */
export function encodeVerdictMessage(message: VerdictMessage): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(message));
}

/**
 * Reads a verdict message (the scanner's side); null when the payload is not one.
 * @throws never
 * @example const answer = decodeVerdictMessage(payload); if (answer?.accepted) show(answer.verdicts);
 */
export function decodeVerdictMessage(bytes: Uint8Array): VerdictMessage | null {
  try {
    const parsed = verdictMessageSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
