import { Argument, type Command } from 'commander';
import type { Terminal } from '../terminal';
import { importKinds, type ImportKind } from './import-kinds';

/** `import curl|postman|openapi FILE --into DIR`; the work is in import-actions. */
export function registerImportCommand(program: Command, terminal: Terminal): void {
  program
    .command('import')
    .description('Turn curl commands, a Postman collection or an OpenAPI file into a collection folder')
    .addArgument(new Argument('<format>', 'what FILE holds').choices([...importKinds]))
    .argument('<FILE>', 'the file to read')
    .requiredOption('--into <DIR>', 'the collection folder to write: a new (or empty) folder, or an existing collection to add to')
    .addHelpText(
      'after',
      `
Keys found in the file (client_secret, subscription keys, tokens) are never written into the
folder; they are listed as left out. Run the result with: vipps-explorer run collection DIR

Examples:
  vipps-explorer import postman "ePayment API.postman_collection.json" --into ./vipps-tests
  vipps-explorer import openapi epayment-api.yaml --into ./epayment
  vipps-explorer import curl requests.sh --into ./vipps-tests`,
    )
    .action(async (format: ImportKind, file: string, flags: { into: string }) => (await import('./import-actions')).importFile(format, file, flags.into, terminal));
}
