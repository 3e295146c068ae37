// The MQTT topics of the scanner protocol (docs/protocol.md, "Topics"). A device publishes on its
// own scan topic and listens on its own verdict topic, so the broker's ACLs can pin each device to
// its two topics by client identity. The version sits in the topic as well as the payload so a
// future protocol can run beside this one on the same broker.

/** Every topic of this protocol starts with this prefix. */
export const TOPIC_PREFIX = 'pedigree/v1/devices';

/** The QoS of both directions: at least once; duplicates are handled by sequence numbers. */
export const PROTOCOL_QOS = 1;

/** The plain subscription of a single ingest: every device's scan topic. */
export const SCAN_TOPIC_FILTER = `${TOPIC_PREFIX}/+/scans`;

/** The shared subscription ingest replicas use, so the broker splits the devices between them. */
export const SHARED_SCAN_TOPIC_FILTER = `$share/ingest/${SCAN_TOPIC_FILTER}`;

/** A device id: a UUID in its lower-case canonical text form (8-4-4-4-12 hex digits). */
export const DEVICE_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * True when `value` is a device id: a lower-case canonical UUID.
 * @example isDeviceId('6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6') // true
 */
export function isDeviceId(value: unknown): value is string {
  return typeof value === 'string' && DEVICE_ID_PATTERN.test(value);
}

function assertDeviceId(deviceId: string): void {
  if (!isDeviceId(deviceId)) {
    throw new RangeError(
      `"${String(deviceId).slice(0, 40)}" is not a device id: it must be a lower-case UUID such as 6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6.`,
    );
  }
}

/**
 * The topic a device publishes its scan envelopes on.
 * @throws RangeError when `deviceId` is not a lower-case UUID
 * @example scanTopic('6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6') // 'pedigree/v1/devices/6f1c2a3e-.../scans'
 */
export function scanTopic(deviceId: string): string {
  assertDeviceId(deviceId);
  return `${TOPIC_PREFIX}/${deviceId}/scans`;
}

/**
 * The topic the platform publishes a device's verdicts on.
 * @throws RangeError when `deviceId` is not a lower-case UUID
 * @example verdictTopic('6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6') // 'pedigree/v1/devices/6f1c2a3e-.../verdicts'
 */
export function verdictTopic(deviceId: string): string {
  assertDeviceId(deviceId);
  return `${TOPIC_PREFIX}/${deviceId}/verdicts`;
}

function deviceOf(topic: string, suffix: 'scans' | 'verdicts'): string | null {
  const parts = topic.split('/');
  if (parts.length !== 5 || `${parts[0]}/${parts[1]}/${parts[2]}` !== TOPIC_PREFIX) return null;
  if (parts[4] !== suffix || !isDeviceId(parts[3])) return null;
  return parts[3]!;
}

/**
 * The device id of a scan topic, or null when `topic` is not one.
 * @throws never
 * @example parseScanTopic('pedigree/v1/devices/6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6/scans') // '6f1c2a3e-...'
 */
export function parseScanTopic(topic: string): string | null {
  return deviceOf(topic, 'scans');
}

/**
 * The device id of a verdict topic, or null when `topic` is not one.
 * @throws never
 * @example parseVerdictTopic('pedigree/v1/devices/6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6/verdicts') // '6f1c2a3e-...'
 */
export function parseVerdictTopic(topic: string): string | null {
  return deviceOf(topic, 'verdicts');
}
