#!/usr/bin/env node
// Completes package-lock.json with the platform packages a registry mirror does not serve.
//
// Packages such as @swc/core list one optional native package per platform. A registry that
// mirrors only Linux builds answers 404 for the others, npm then leaves them out of the lock, and
// `npm ci` refuses that lock as out of sync ("Missing: @swc/core-darwin-arm64 from lock file").
// This adds each missing one as an optional entry with the os and cpu its name states, so every
// machine skips the ones not meant for it, and one with the full registry fetches its own.
// Runs as the postinstall script; changes nothing when the lock is complete.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony', 'sunos', 'aix'];
const CPU = ['x64', 'arm64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32'];

const file = join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const present = new Set(
  Object.keys(lock.packages).map((path) => path.slice(path.lastIndexOf('node_modules/') + 13)),
);
const added = [];
for (const entry of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (present.has(name)) continue;
    const parts = name.split('/').pop().split('-');
    const os = parts.find((part) => OS.includes(part));
    const cpu = parts.find((part) => CPU.includes(part));
    if (!os && !cpu) continue;
    lock.packages[`node_modules/${name}`] = {
      version,
      ...(cpu && { cpu: [cpu] }),
      optional: true,
      ...(os && { os: [os] }),
    };
    present.add(name);
    added.push(name);
  }
}
if (added.length > 0) {
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(
    `package-lock.json: added ${added.length} platform packages the registry did not serve.`,
  );
}
