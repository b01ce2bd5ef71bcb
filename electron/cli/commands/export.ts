import { Argument, type Command } from 'commander';
import type { Terminal } from '../terminal';
import { exportKinds, type ExportFlags, type ExportKind } from './export-flags';

/** `export postman|curl PATH [--out FILE]`; the work is in export-actions. */
export function registerExportCommand(program: Command, terminal: Terminal): void {
  program
    .command('export')
    .description('Write a collection folder (or one of its folders or requests) as a Postman v2.1 collection or as curl commands')
    .addArgument(new Argument('<format>', 'what to write').choices([...exportKinds]))
    .argument('<PATH>', 'a collection folder, a folder inside one, or (for curl) one request file')
    .option('-o, --out <FILE>', 'the file to write (required for postman; curl prints to stdout without it)')
    .option('--force', 'replace FILE if it is already there')
    .addHelpText(
      'after',
      `
Secrets stay out, as in the app's export: secret variables go out with empty values, keys and
tokens typed into a request become {{variables}} (Postman) or shell variables such as
$VIPPS_ACCESS_TOKEN (curl), and nothing is read from the keychain.

Exit codes: 0 written, 1 the output file could not be written, 2 bad arguments or a PATH that
is not a collection (or is inside none).

Examples:
  vipps-explorer export postman ./vipps-tests --out vipps-tests.postman_collection.json
  vipps-explorer export curl ./vipps-tests/Orders
  vipps-explorer export curl "./vipps-tests/Orders/Create order.yaml" --out create-order.sh`,
    )
    .action(async (format: ExportKind, target: string, flags: ExportFlags) => (await import('./export-actions')).exportPath(format, target, flags, terminal));
}
