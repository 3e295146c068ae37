export { configSchema, type PedigreeConfig } from './config.schema';
export { ConfigError, loadConfig } from './load-config';
