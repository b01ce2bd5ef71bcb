import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by where the code lives: our bundle, a package, Node's module loader, GC… */
  byPlace: Array<{ place: string; ms: number }>;
  /** The functions with the most self time. */
  byFunction: Array<{ fn: string; ms: number }>;
}

/** Where a frame's code lives, coarse enough to say "module loading" or "axios" or "our code". */
function placeOf(url: string, fn: string): string {
  if (fn === '(garbage collector)') return 'garbage collector';
  if (fn === '(idle)' || fn === '(program)') return fn;
  if (url === '') return 'native / V8';
  if (url.startsWith('node:internal/modules') || url.includes('internal/modules/')) return 'Node module loader (resolve, read, compile)';
  if (url.startsWith('node:')) return `Node ${url.replace(/^node:(internal\/)?/, '').split('/')[0]}`;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return `package ${rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  if (url.includes('/dist/electron/')) return `our bundle ${path.basename(url).replace(/-[A-Z0-9]{8}\.js$/, '.js')}`;
  return url;
}

/** Self time of a `node --cpu-prof` profile, summed by place and by function. */
export function summariseProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    const { url, functionName, lineNumber } = node.callFrame;
    const place = placeOf(url, functionName);
    places.set(place, (places.get(place) ?? 0) + us);
    const fn = `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''}`.trim();
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  return {
    totalMs: (profile.endTime - profile.startTime) / 1000,
    byPlace: sorted(places).map(([place, us]) => ({ place, ms: us / 1000 })),
    byFunction: sorted(functions).map(([fn, us]) => ({ fn, ms: us / 1000 })),
  };
}

export function formatSummary(summary: ProfileSummary): string {
  const lines = [`profiled ${summary.totalMs.toFixed(0)} ms; self time by place:`];
  for (const { place, ms } of summary.byPlace) lines.push(`  ${ms.toFixed(1).padStart(8)} ms  ${place}`);
  lines.push('top functions (self time):');
  for (const { fn, ms } of summary.byFunction) lines.push(`  ${ms.toFixed(1).padStart(8)} ms  ${fn}`);
  return lines.join('\n');
}

interface HeapNode {
  callFrame: { functionName: string; url: string };
  selfSize: number;
  children: HeapNode[];
}

/** Live heap by place at the end of a `node --heap-prof` run (its sampled allocations still held). */
export function summariseHeapProfile(file: string, top = 6): Array<{ place: string; mib: number }> {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as { head: HeapNode };
  const places = new Map<string, number>();
  const walk = (node: HeapNode) => {
    if (node.selfSize > 0) {
      const place = placeOf(node.callFrame.url, node.callFrame.functionName);
      places.set(place, (places.get(place) ?? 0) + node.selfSize);
    }
    for (const child of node.children) walk(child);
  };
  walk(profile.head);
  return [...places].sort((a, b) => b[1] - a[1]).slice(0, top).map(([place, bytes]) => ({ place, mib: bytes / 1024 ** 2 }));
}
