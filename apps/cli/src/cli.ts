/** The `pedigree` command: dispatches to the subcommands and turns their failures into exit codes. */
import { ConfigError } from '@pedigree/config';
import { gs1Command } from './commands/gs1.command';
import type { Io } from './commands/io';
import { keysCommand } from './commands/keys.command';
import { scannerCommand } from './commands/scanner.command';

export const HELP = `pedigree: trace serialized medicine packs in a signed, provable chain

Usage:
  pedigree start [all|api|ingest|sealer]   run the platform (all: every app in one process; one
                                           app alone needs DATABASE_URL, and MQTT_URL for ingest)
  pedigree demo [--api URL --admin-key KEY] [--mqtt URL]
                                           seed a demo consortium (Lyon, Hamburg, Paris, Milan),
                                           scan a journey through the broker and print consumer
                                           links and a QR code; without --api it starts the
                                           platform and keeps it running
  pedigree audit [--database URL | --api URL --api-key KEY] [--key VKEY]... [--origin NAME]
                                           verify the whole chain, from PostgreSQL or the ledger
                                           API: every leaf, root, link, signature and checkpoint;
                                           exit 0 only if all hold, 1 at the first bad place
  pedigree gs1 parse <data>                parse scan data, bracketed AIs, an element string or a
                                           Digital Link; prints {"symbology", "ais"} as JSON
  pedigree gs1 parse -                     the same for each line of standard input
  pedigree gs1 link <data> [--base URL]    print the canonical GS1 Digital Link URI
                                           (default base https://id.gs1.org)
  pedigree keys generate [--name NAME]     print a new Ed25519 key pair (C2SP note key forms)
  pedigree keys api                        print a random API key (e.g. for PEDIGREE_ADMIN_KEY)
  pedigree scanner enrol [--name NAME] [--out FILE]
                                           on a scanner: create its Ed25519 key in FILE (default
                                           pedigree-scanner.key, 0600) and print the {name,
                                           publicKey} to register with POST /devices
  pedigree scanner run --device ID --site GLN --step STEP [--destination GLN] [--key FILE]
                       [--mqtt URL] [--ca FILE] [--outbox DIR] [--gs TEXT] [--shipment REF]
                                           a keyboard-wedge scanner: one scan per line on standard
                                           input (GS as the byte or <GS>), each verdict printed;
                                           unanswered scans wait in the outbox (docs/scanner.md)
  pedigree scanner fleet --admin-key KEY [--api URL] [--mqtt URL] [--packs N] [--per-envelope N]
                       [--rate N] [--pharmacies N] [--case-size N] [--pallet-size N] [--outbox DIR]
                                           simulate scanners moving packs from plant to pharmacy
                                           on a running platform, with a live progress line
  pedigree --help                          this text

Configuration comes from environment variables; see README.md.`;

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'start':
        // Loaded on demand: the other commands answer without loading Nest.
        return await (await import('./commands/start.command.js')).startCommand(args, io);
      case 'audit':
        return await (await import('./commands/audit.command.js')).auditCommand(args, io);
      case 'demo':
        return await (await import('./commands/demo.command.js')).demoCommand(args, io);
      case 'gs1':
        return await gs1Command(args, io);
      case 'keys':
        return keysCommand(args, io);
      case 'scanner':
        return await scannerCommand(args, io);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(HELP);
        return command === undefined ? 2 : 0;
      default:
        io.err(`pedigree: unknown command "${command}".\n\n${HELP}`);
        return 2;
    }
  } catch (error) {
    if (
      error instanceof ConfigError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.err((error as Error).message);
      return 2;
    }
    io.err(`pedigree ${command}: ${(error as Error).message}`);
    return 1;
  }
}
