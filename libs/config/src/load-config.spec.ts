import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      PEDIGREE_DATA_DIR: '.data',
      PEDIGREE_EMBEDDED_PG_PORT: 54329,
      PEDIGREE_EMBEDDED_MQTT_PORT: 18830,
      LOG_LEVEL: 'log',
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.MQTT_URL).toBeUndefined();
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', MQTT_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'eighty', 'PORT must be a TCP port number from 0 to 65535'],
    ['PORT', '70000', 'PORT must be a TCP port number from 0 to 65535'],
    [
      'PEDIGREE_EMBEDDED_PG_PORT',
      '0',
      'PEDIGREE_EMBEDDED_PG_PORT must be a TCP port number from 1',
    ],
    ['DATABASE_URL', 'mysql://x', 'DATABASE_URL must be a URL such as postgres://'],
    ['MQTT_URL', 'localhost:1883', 'MQTT_URL must be a URL such as mqtt://127.0.0.1:1883'],
    [
      'PEDIGREE_PUBLIC_URL',
      'verify.example.org',
      'PEDIGREE_PUBLIC_URL must be a URL such as https://verify.example.org',
    ],
    ['PEDIGREE_ADMIN_KEY', 'short', 'PEDIGREE_ADMIN_KEY must be "pdg_" followed by'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be one of error, warn, log, debug, verbose'],
  ])('refuses %s=%s with a sentence naming the variable', (name, value, sentence) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(sentence);
  });

  it('keeps the public URL without a trailing slash, so links join to it', () => {
    expect(
      loadConfig({ PEDIGREE_PUBLIC_URL: 'https://verify.example.org/' }).PEDIGREE_PUBLIC_URL,
    ).toBe('https://verify.example.org');
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ PORT: '-1', LOG_LEVEL: 'x' })).toThrow(/PORT .*; LOG_LEVEL/);
  });
});
