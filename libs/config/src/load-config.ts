/**
 * Reads and validates the environment. This is the only place in the repository that reads
 * `process.env`: every other part receives a `PedigreeConfig`.
 */
import { configSchema, type PedigreeConfig } from './config.schema';

/** A configuration value that cannot be used; `message` names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Pedigree cannot start: ${problems.join('; ')}.`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment and returns the configuration.
 *
 * @throws ConfigError naming each variable whose value has the wrong form.
 * @example loadConfig({ PORT: '8080' }).PORT === 8080
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): PedigreeConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => issue.message));
  }
  return result.data;
}
