/** Entry point of the `pedigree` command (bin/pedigree.js). */
import 'reflect-metadata';
import { run } from './cli';
import { processIo } from './commands/io';

void run(process.argv.slice(2), processIo).then((code) => {
  process.exitCode = code;
});
