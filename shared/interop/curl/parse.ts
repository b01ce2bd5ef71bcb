import { parse as parseShell, type ParseEntry } from 'shell-quote';
import type { ApiRequest } from '../../model/request';
import { ImportProblem } from '../errors';
import { commandToRequest } from './command';
import { variableForShell } from './shell-variables';

export interface CurlImport {
  request: ApiRequest;
  /** Options we read but do not carry over, in words. */
  notes: string[];
  /** The command as it was pasted, for showing next to its defects. */
  source: string;
}

/**
 * One or several curl commands, as pasted from docs or a terminal: lines continued with `\`,
 * single, double and `$'…'` quotes (shell-quote does the shell's word splitting), commands
 * separated by new lines, `;` or `&&`. `$NAME` shell variables become `{{variables}}`.
 */
export function importCurl(text: string): CurlImport[] {
  const found: CurlImport[] = [];
  for (const segment of commandSegments(text)) {
    const entries = parseShell(segment.replace(/\\\r?\n/g, ' '), (name) => `{{${variableForShell(name)}}}`);
    let current: ParseEntry[] | undefined;
    const commands: ParseEntry[][] = [];
    for (const entry of entries) {
      if (entry === 'curl') {
        current = [];
        commands.push(current);
      } else if (typeof entry === 'object' && 'op' in entry && entry.op !== 'glob') {
        current = undefined;
      } else if (current && !(typeof entry === 'object' && 'comment' in entry)) {
        current.push(entry);
      }
    }
    const sources = commands.length === 1 ? [segment] : splitSources(segment);
    commands.forEach((args, i) => found.push({ ...commandToRequest(args.map(word).filter((w): w is string => w !== undefined)), source: sources[i] ?? segment }));
  }
  if (found.length === 0) throw new ImportProblem('No curl command found. Paste text that starts with "curl", for example: curl -X POST https://example.com/api -H "Content-Type: application/json" -d \'{}\'');
  return found;
}

/**
 * The curl commands in a text that may also hold prose (a page copied from the docs): each
 * runs from a `curl` at the start of a line to the first line end outside quotes that is not
 * continued with a backslash. Only the boundaries are found here; shell-quote splits the words.
 */
function commandSegments(text: string): string[] {
  const segments: string[] = [];
  const starts = /(^|\n)[ \t]*(?:\$ )?(curl\s)/g;
  let match: RegExpExecArray | null;
  let from = 0;
  while ((match = starts.exec(text)) !== null) {
    const start = match.index + match[0].length - match[2]!.length;
    if (start < from) continue;
    const end = commandEnd(text, start);
    segments.push(text.slice(start, end).trim());
    from = end;
    starts.lastIndex = end;
  }
  return segments;
}

function commandEnd(text: string, start: number): number {
  let quote: "'" | '"' | undefined;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
    } else if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = undefined;
    } else if (c === '\\') {
      i++;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === '\n') {
      return i;
    }
  }
  return text.length;
}

function splitSources(text: string): string[] {
  const starts = [...text.matchAll(/(^|[\n;&|]\s*)curl\s/g)].map((m) => m.index + m[1]!.length);
  return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length).replace(/[\s;&|]+$/, ''));
}

function word(entry: ParseEntry | undefined): string | undefined {
  if (typeof entry === 'string') return entry;
  if (entry && typeof entry === 'object' && 'pattern' in entry) return entry.pattern;
  return undefined;
}
