#!/usr/bin/env node
// The `pedigree` command. The TypeScript is compiled to dist/ by `npm ci` (prepare) and `npm start`.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const main = join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
if (!existsSync(main)) {
  console.error('pedigree is not built yet: run "npm run build" in the project folder first.');
  process.exit(1);
}
require(main);
