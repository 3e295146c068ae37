/**
 * The one configuration of every Pedigree app, read from the environment once at boot.
 *
 * Every variable is listed here with its default and the form it must take; `loadConfig` turns a
 * bad value into a sentence that names the variable and the expected form, and the start stops.
 */
import { z } from 'zod';

const port = (name: string, min = 1) => {
  const error = `${name} must be a TCP port number from ${min} to 65535`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(65535, { error });
};

const wholeNumber = (name: string, min: number, max: number, unit = '') => {
  const error = `${name} must be a whole number${unit} from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

const url = (name: string, protocols: readonly string[], example: string) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { error: `${name} must be a URL such as ${example}` },
  );

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

/** Environment variables and what they mean; README's configuration table mirrors this list. */
export const configSchema = z.object({
  /** 0 picks a free port (tests). */
  PORT: port('PORT', 0).default(3000),
  HOST: z
    .string()
    .min(1, { error: 'HOST must be an interface address such as 127.0.0.1 or 0.0.0.0' })
    .default('127.0.0.1'),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    url(
      'DATABASE_URL',
      ['postgres:', 'postgresql:'],
      'postgres://user:password@127.0.0.1:5432/pedigree',
    ).optional(),
  ),
  MQTT_URL: z.preprocess(
    emptyToUndefined,
    url('MQTT_URL', ['mqtt:', 'mqtts:', 'tcp:', 'ws:', 'wss:'], 'mqtt://127.0.0.1:1883').optional(),
  ),
  /** Where the public reaches this platform: the base of every QR code's Digital Link. */
  PEDIGREE_PUBLIC_URL: z.preprocess(
    emptyToUndefined,
    url('PEDIGREE_PUBLIC_URL', ['http:', 'https:'], 'https://verify.example.org')
      .transform((value) => value.replace(/\/+$/, ''))
      .optional(),
  ),
  /** Per client address and minute, on the routes anyone may call; 0 turns the limit off. */
  PEDIGREE_PUBLIC_RATE_LIMIT: wholeNumber(
    'PEDIGREE_PUBLIC_RATE_LIMIT',
    0,
    1_000_000,
    ' of requests a minute',
  ).default(300),
  /**
   * Whether EPCIS subscriptions may notify private, loopback and link-local addresses: `refuse`
   * (the default, so a tenant cannot make the platform call its own network) or `allow`.
   */
  PEDIGREE_WEBHOOK_PRIVATE_DESTINATIONS: z
    .enum(['refuse', 'allow'], {
      error: 'PEDIGREE_WEBHOOK_PRIVATE_DESTINATIONS must be refuse or allow',
    })
    .default('refuse'),
  PEDIGREE_DATA_DIR: z
    .string()
    .min(1, { error: 'PEDIGREE_DATA_DIR must be a folder path' })
    .default('.data'),
  PEDIGREE_EMBEDDED_PG_PORT: port('PEDIGREE_EMBEDDED_PG_PORT').default(54329),
  PEDIGREE_EMBEDDED_MQTT_PORT: port('PEDIGREE_EMBEDDED_MQTT_PORT').default(18830),
  PEDIGREE_ADMIN_KEY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^pdg_[A-Za-z0-9_-]{32,200}$/, {
        error:
          'PEDIGREE_ADMIN_KEY must be "pdg_" followed by at least 32 letters, digits, "-" or "_" (generate one with: pedigree keys api)',
      })
      .optional(),
  ),
  PEDIGREE_LOG_ORIGIN: z
    .string()
    .regex(/^[\x21-\x7e]+$/, {
      error:
        'PEDIGREE_LOG_ORIGIN must be a name without spaces, such as pedigree.example.org/chain',
    })
    .default('pedigree.local/chain'),
  PEDIGREE_SEALER_KEY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .startsWith('PRIVATE+KEY+', {
        error:
          'PEDIGREE_SEALER_KEY must be a C2SP signer key "PRIVATE+KEY+<name>+<id>+<base64>" (see: pedigree keys generate)',
      })
      .optional(),
  ),
  PEDIGREE_BLOCK_INTERVAL_MS: wholeNumber(
    'PEDIGREE_BLOCK_INTERVAL_MS',
    10,
    60_000,
    ' of milliseconds',
  ).default(250),
  PEDIGREE_BLOCK_MAX_EVENTS: wholeNumber('PEDIGREE_BLOCK_MAX_EVENTS', 1, 100_000).default(10_000),
  /** The MQTT client id of this ingest replica: fixed, so the broker keeps its session. */
  PEDIGREE_INGEST_CLIENT_ID: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[0-9A-Za-z._-]{1,64}$/, {
        error:
          'PEDIGREE_INGEST_CLIENT_ID must be 1 to 64 letters, digits, ".", "_" or "-", different for each ingest replica',
      })
      .optional(),
  ),
  PEDIGREE_INGEST_BATCH: wholeNumber('PEDIGREE_INGEST_BATCH', 1, 5_000).default(500),
  PEDIGREE_INGEST_LINGER_MS: wholeNumber(
    'PEDIGREE_INGEST_LINGER_MS',
    0,
    1_000,
    ' of milliseconds',
  ).default(2),
  LOG_LEVEL: z
    .enum(['error', 'warn', 'log', 'debug', 'verbose'], {
      error: 'LOG_LEVEL must be one of error, warn, log, debug, verbose',
    })
    .default('log'),
});

/** The validated configuration. */
export type PedigreeConfig = z.infer<typeof configSchema>;
