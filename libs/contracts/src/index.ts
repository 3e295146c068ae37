// Public surface of @pedigree/contracts: the MQTT topics and payloads shared by scanners and the
// ingest (docs/protocol.md), and the MQTT connection settings. Re-exports only.
export { MqttConnection, type MqttConnectionOptions } from './mqtt-connection';
export {
  DEVICE_ID_PATTERN,
  PROTOCOL_QOS,
  SCAN_TOPIC_FILTER,
  SHARED_SCAN_TOPIC_FILTER,
  TOPIC_PREFIX,
  isDeviceId,
  parseScanTopic,
  parseVerdictTopic,
  scanTopic,
  verdictTopic,
} from './topics';
export {
  QUARANTINE_REASONS,
  QUARANTINE_SENTENCES,
  isQuarantineReason,
  type ParseQuarantineReason,
  type QuarantineReason,
} from './quarantine-reason';
export {
  MAX_ENVELOPE_BYTES,
  MAX_RAW_BYTES,
  MAX_SCANS,
  MAX_SEQ,
  MAX_SHIPMENT_LENGTH,
  PROTOCOL_VERSION,
  SCAN_STEPS,
  SCAN_STEP_ACTIONS,
  envelopeSchema,
  scanSchema,
  timestampMs,
  type Scan,
  type ScanEnvelope,
  type ScanStep,
  type UnsignedScanEnvelope,
} from './envelope';
export {
  SCAN_ENVELOPE_CONTEXT,
  envelopeDigest,
  signEnvelope,
  signingBytes,
  verifyEnvelope,
} from './envelope-signature';
export {
  parseEnvelope,
  type EnvelopeParseResult,
  type ParseEnvelopeOptions,
} from './parse-envelope';
export {
  MAX_VERDICT_TEXT,
  acceptedVerdicts,
  decodeVerdictMessage,
  encodeVerdictMessage,
  quarantinedVerdicts,
  scanVerdictSchema,
  verdictMessageSchema,
  type ScanVerdict,
  type VerdictMessage,
} from './verdict-message';
