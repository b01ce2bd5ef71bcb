import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const cliDir = path.resolve(__dirname, '../../../electron/cli');

/** Every relative import of a module (type-only ones too: they tie the files together all the same). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    const base = path.resolve(path.dirname(file), match[1]!);
    const found = [`${base}.ts`, `${base}/index.ts`, base].find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
    if (found && found.startsWith(cliDir)) out.push(found);
  }
  return out;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The cycles of a graph, each as the list of files around it (depth-first, colouring). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('electron/cli has no import cycles', () => {
  it('finds a planted cycle (so an empty answer means something)', () => {
    const planted = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(findCycles(planted)).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('reads type-only imports and dynamic imports as edges', () => {
    const runTs = path.join(cliDir, 'commands', 'run.ts');
    expect(importsOf(runTs)).toContain(path.join(cliDir, 'commands', 'run-flags.ts'));
    expect(importsOf(runTs)).toContain(path.join(cliDir, 'commands', 'run-actions.ts'));
  });

  it('has none, type-only imports included', () => {
    const graph = new Map(filesUnder(cliDir).map((file) => [file, importsOf(file)]));
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => path.relative(cliDir, file)).join(' → '));
    expect(cycles).toEqual([]);
  });
});
