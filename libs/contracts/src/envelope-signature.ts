// What a scanner signs, and how (docs/protocol.md, "Signing"). Specification, the same text as the
// document's:
//
//   signed bytes = "pedigree/scan-envelope/v1\n" (26 ASCII bytes)
//                  || RFC 8785 (JCS) canonical JSON, UTF-8, of the envelope without its `sig` key
//   sig          = standard padded base64 of the RFC 8032 Ed25519 signature of the signed bytes
//
// The context line keeps an envelope signature from being valid as anything else the same key
// could sign (the ledger's block headers and notes use their own context lines). The canonical
// form is computed from the parsed value, never from the bytes on the wire, so whitespace and key
// order on the wire do not matter. The digest of the signed bytes is what the ingest stores per
// (device, seq) to tell an identical redelivery (same digest: answer again) from a replay
// (different digest: REPLAYED_SEQUENCE).
import { canonicalJson, concatBytes, fromBase64, toBase64 } from '@pedigree/ledger';
import type { CryptoBackend, JsonValue } from '@pedigree/ledger';
import type { ScanEnvelope, UnsignedScanEnvelope } from './envelope';

/** The context line that starts the signed bytes, newline included. */
export const SCAN_ENVELOPE_CONTEXT = 'pedigree/scan-envelope/v1\n';

const CONTEXT_BYTES = new TextEncoder().encode(SCAN_ENVELOPE_CONTEXT);

/** The JSON value that is signed: every field but `sig`, optional fields only when present. */
function signedValue(envelope: UnsignedScanEnvelope): JsonValue {
  return {
    v: envelope.v,
    device: envelope.device,
    seq: envelope.seq,
    sentAt: envelope.sentAt,
    scans: envelope.scans.map((scan) => ({
      raw: scan.raw,
      at: scan.at,
      step: scan.step,
      site: scan.site,
      ...(scan.destination !== undefined && { destination: scan.destination }),
      ...(scan.shipment !== undefined && { shipment: scan.shipment }),
    })),
  };
}

/**
 * The bytes an envelope's signature covers: the context line, then the RFC 8785 canonical JSON
 * of the envelope without `sig` (any `sig` present is ignored).
 * @throws LedgerError INVALID_ARGUMENT when a field holds what JSON cannot (a non-finite number)
 * @example new TextDecoder().decode(signingBytes(envelope)) // 'pedigree/scan-envelope/v1\n{"device":...'
 */
export function signingBytes(envelope: UnsignedScanEnvelope | ScanEnvelope): Uint8Array {
  return concatBytes(CONTEXT_BYTES, canonicalJson(signedValue(envelope)));
}

/**
 * Signs an envelope with the device's 32-byte Ed25519 seed.
 * @throws LedgerError INVALID_KEY when the seed is not 32 bytes
 * @example const envelope = signEnvelope(nobleBackend, seed, { v: 1, device, seq: 0, sentAt, scans });
 */
export function signEnvelope(
  backend: CryptoBackend,
  seed: Uint8Array,
  unsigned: UnsignedScanEnvelope,
): ScanEnvelope {
  const sig = toBase64(backend.sign(seed, signingBytes(unsigned)));
  return { ...unsigned, sig };
}

/**
 * True when `envelope.sig` is a valid Ed25519 signature of its signed bytes by `publicKey`.
 * Never throws: a malformed signature, key or field gives false.
 * @example verifyEnvelope(nodeCryptoBackend, devicePublicKey, envelope) // true
 */
export function verifyEnvelope(
  backend: CryptoBackend,
  publicKey: Uint8Array,
  envelope: ScanEnvelope,
): boolean {
  try {
    return backend.verify(publicKey, signingBytes(envelope), fromBase64(envelope.sig));
  } catch {
    return false;
  }
}

/**
 * SHA-256 of the envelope's signed bytes (32 bytes): equal for an identical redelivery, different
 * for any other content under the same sequence number. The signature is not hashed: Ed25519 is
 * deterministic, so the same content signed by the same key has the same signature anyway.
 * `signed` spares computing the signed bytes again when the caller has them (from verifying).
 * @throws LedgerError INVALID_ARGUMENT as {@link signingBytes}
 * @example toHex(envelopeDigest(nodeCryptoBackend, envelope)) // '3a7f...'
 */
export function envelopeDigest(
  backend: CryptoBackend,
  envelope: UnsignedScanEnvelope | ScanEnvelope,
  signed: Uint8Array = signingBytes(envelope),
): Uint8Array {
  return backend.sha256(signed);
}
