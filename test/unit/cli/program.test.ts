import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, runCli } from '../../../electron/cli/program';
import { fakeTerminal } from './fake-terminal';

function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands.filter((sub) => sub.name() !== 'help').flatMap((sub) => [[...prefix, sub.name()], ...commandPaths(sub, [...prefix, sub.name()])]);
}

describe('vipps-explorer command line', () => {
  const paths = commandPaths(buildProgram(fakeTerminal(), () => {}));

  it('has the commands the issue lists', () => {
    expect(paths.map((path) => path.join(' '))).toEqual(expect.arrayContaining(['run', 'run collection', 'sandbox', 'profiles', 'profiles list', 'profiles add', 'profiles remove', 'profiles test', 'run quickstart', 'import']));
  });

  it.each(paths.map((path) => [path.join(' '), path]))('prints help for "%s" and exits 0', async (_name, path) => {
    const terminal = fakeTerminal();
    expect(await runCli([...path, '--help'], terminal)).toBe(0);
    expect(terminal.stdout()).toContain(`Usage: vipps-explorer ${path.join(' ')}`);
  });

  it('prints the version and exits 0', async () => {
    const terminal = fakeTerminal();
    expect(await runCli(['--version'], terminal)).toBe(0);
    expect(terminal.stdout()).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('exits 2 on an unknown command, and says where help is', async () => {
    const terminal = fakeTerminal();
    expect(await runCli(['bogus'], terminal)).toBe(2);
    expect(terminal.stderr()).toContain("unknown command 'bogus'");
    expect(terminal.stderr()).toContain('Run `vipps-explorer --help` to see what it takes.');
  });

  it('exits 2 on an unknown option or a bad value, pointing at that command’s help', async () => {
    const unknown = fakeTerminal();
    expect(await runCli(['run', 'collection', 'x', '--colour'], unknown)).toBe(2);
    expect(unknown.stderr()).toContain("unknown option '--colour'");
    expect(unknown.stderr()).toContain('Run `vipps-explorer run collection --help`');
    const choice = fakeTerminal();
    expect(await runCli(['run', 'collection', 'x', '--env', 'staging'], choice)).toBe(2);
    expect(choice.stderr()).toContain("argument 'staging' is invalid. Allowed choices are sandbox, test, production.");
  });

  it('exits 2 with the reason and what to do for a bad port', async () => {
    const terminal = fakeTerminal();
    expect(await runCli(['sandbox', '--port', '99999'], terminal)).toBe(2);
    expect(terminal.stderr()).toContain('Error: --port must be a whole number from 0 to 65535, not "99999".');
  });

  it('never takes keys from flags', async () => {
    const terminal = fakeTerminal();
    expect(await runCli(['run', 'collection', 'x', '--client-secret', 'abc'], terminal)).toBe(2);
    expect(terminal.stderr()).toContain("unknown option '--client-secret'");
  });
});
