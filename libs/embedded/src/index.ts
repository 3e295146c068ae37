export { EmbeddedBroker } from './embedded-broker';
export { EmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded-postgres';
