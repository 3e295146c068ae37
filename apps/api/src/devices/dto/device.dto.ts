import { assertStrictPublicKey, fromBase64, LedgerError } from '@pedigree/ledger';
import { z } from 'zod';
import { glnSchema, text } from '../../sites/dto/site.dto';

const HOW_TO_GET_A_KEY =
  'run `pedigree scanner enrol` on the device and send the publicKey it prints';

/**
 * A device's Ed25519 public key: canonical base64 of the raw 32 bytes, and a key that strict
 * RFC 8032 verification accepts (no non-canonical, small-order or mixed-order point), decoded.
 */
export const publicKeySchema = z
  .string({ error: `publicKey must be text: ${HOW_TO_GET_A_KEY}` })
  .transform((text, context) => {
    let key: Uint8Array;
    try {
      key = fromBase64(text);
      assertStrictPublicKey(key);
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      const what =
        error.code === 'INVALID_ENCODING'
          ? 'publicKey must be the padded base64 of the raw 32-byte Ed25519 key.'
          : error.message;
      context.addIssue({
        code: 'custom',
        message: `${what} Use a fresh key: ${HOW_TO_GET_A_KEY}.`,
      });
      return z.NEVER;
    }
    return key;
  });

export const enrolDeviceSchema = z.strictObject({
  name: text('name', 200),
  siteGln: glnSchema,
  publicKey: publicKeySchema,
});

export const deviceIdSchema = z.uuid({
  error: 'the device id must be a UUID, as listed by GET /devices',
});

export type EnrolDeviceDto = z.infer<typeof enrolDeviceSchema>;
