/**
 * Where the integration suites find PostgreSQL and the MQTT broker. With DATABASE_URL / MQTT_URL
 * set they use those servers (CI's second pass runs against the machine's own); otherwise the
 * global setup starts one embedded PostgreSQL and one embedded broker for the whole run, on ports
 * that neither a system service nor a running `npm start` uses.
 */
export const TEST_EMBEDDED_PG_PORT = 54330;
export const TEST_EMBEDDED_MQTT_PORT = 18831;

/** Set by the global setup for the workers. */
export const SERVER_URL_VARIABLE = 'PEDIGREE_TEST_SERVER_URL';
export const BROKER_URL_VARIABLE = 'PEDIGREE_TEST_MQTT_URL';

/** A fixed admin key the spawned platforms accept (PEDIGREE_ADMIN_KEY). */
export const TEST_ADMIN_KEY = 'pdg_testadminkey0000000000000000000000000000000';

/** The environment a spawned platform needs for the run's services, on the given database. */
export function platformEnv(databaseUrl: string): Record<string, string> {
  return { DATABASE_URL: databaseUrl, MQTT_URL: brokerUrl(), PEDIGREE_ADMIN_KEY: TEST_ADMIN_KEY };
}

export function serverUrl(): string {
  return required(SERVER_URL_VARIABLE);
}

export function brokerUrl(): string {
  return required(BROKER_URL_VARIABLE);
}

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the integration suites through jest's global setup`);
  return value;
}
