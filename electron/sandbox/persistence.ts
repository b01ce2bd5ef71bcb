import { mkdir, open, readFile, rename, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeLine, encodeRecord, HEADER_FORMAT, importLegacy, STATE_VERSION, type LoadProblem } from './state-codec';
import { TABLE_NAMES, type SandboxStore, type TableName } from './state';

const LOG_FILE = 'sandbox-state.jsonl';
const LEGACY_FILE = 'sandbox-state.json';
const SAVE_DELAY_MS = 50;
/** Compact once the log holds this many more lines than there are live records (and at least this many). */
const COMPACT_MIN_LINES = 20_000;

export interface LoadResult {
  tokenSecret: string | null;
  notices: string[];
}

function isSecret(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 16;
}

/**
 * Keeps the store in `<dataDir>/sandbox-state.jsonl`, an append-only log: a header line, then
 * one line per changed or deleted record. A change costs the size of the change. When the log
 * has grown well past the live data it is compacted (the live records written to a new file
 * that replaces the old one atomically), so the file stays proportional to what is kept.
 *
 * Chosen over an embedded database because the data is small per record, read whole at start,
 * and must stay inspectable; a log needs no native module and no schema migrations.
 */
export class StatePersister {
  readonly file: string;
  private pending = new Map<string, { table: TableName | null; key: string | null }>();
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();
  private handle: FileHandle | null = null;
  private linesSinceCompaction = 0;
  private secret = '';
  private closed = false;

  constructor(
    private readonly dir: string,
    private readonly store: SandboxStore,
    private readonly now: () => number = Date.now,
  ) {
    this.file = join(dir, LOG_FILE);
  }

  /** Reads the log (or imports a version-1 file) into the store; never rewrites a file it cannot read. */
  async load(): Promise<LoadResult> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const notices: string[] = [];
    let text: string | null = null;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text === null) return this.loadLegacy(notices);
    const problem = this.replay(text);
    if (problem === null || problem.kind === 'torn-tail') {
      if (!this.secret) notices.push('The saved token secret was missing or not text, so a new one was made: fetch new sandbox access tokens.');
    }
    if (problem === null) return { tokenSecret: this.secret || null, notices };
    if (problem.kind === 'torn-tail') {
      notices.push('The last change the sandbox saved before it stopped was incomplete and was left out; everything before it was kept.');
      return { tokenSecret: this.secret || null, notices };
    }
    this.store.clear();
    const aside = await this.moveAside(this.file, problem.kind === 'newer' ? `newer-v${problem.version}` : 'corrupt');
    notices.push(
      problem.kind === 'newer'
        ? `The sandbox state was written by a newer version of Vipps Explorer (format ${problem.version}); it was moved to ${aside} untouched and the sandbox starts empty.`
        : `The saved sandbox state could not be read (${problem.reason}); it was moved to ${aside} and the sandbox starts empty.`,
    );
    return { tokenSecret: null, notices };
  }

  private replay(text: string): LoadProblem | null {
    const lines = text.split('\n');
    const last = lines.length - 1;
    if (lines[last] === '') lines.pop();
    const header = decodeLine(lines[0] ?? '');
    if (header.kind !== 'header') return { kind: 'bad', reason: 'the first line is not a sandbox state header' };
    if (header.version > STATE_VERSION) return { kind: 'newer', version: header.version };
    if (header.version !== STATE_VERSION) return { kind: 'bad', reason: `unknown format version ${header.version}` };
    this.secret = isSecret(header.tokenSecret) ? header.tokenSecret : '';
    for (let i = 1; i < lines.length; i++) {
      const line = decodeLine(lines[i] ?? '');
      if (line.kind === 'bad') {
        // Only the very last line can be cut short by a crash; anything earlier is damage.
        if (i === lines.length - 1 && !text.endsWith('\n')) return { kind: 'torn-tail' };
        return { kind: 'bad', reason: `line ${i + 1}: ${line.reason}` };
      }
      if (line.kind === 'clear') this.store.clear();
      else if (line.kind === 'delete') this.store.remove(line.table, line.key, { silent: true });
      else if (line.kind === 'put') this.store.put(line.table, line.key, line.record as never, { silent: true });
      else return { kind: 'bad', reason: `line ${i + 1}: a second header` };
    }
    this.linesSinceCompaction = lines.length - 1;
    return null;
  }

  private async loadLegacy(notices: string[]): Promise<LoadResult> {
    const legacy = join(this.dir, LEGACY_FILE);
    let text: string;
    try {
      text = await readFile(legacy, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { tokenSecret: null, notices };
      throw error;
    }
    const imported = importLegacy(text, this.store);
    if (!imported.ok) {
      this.store.clear();
      const aside = await this.moveAside(legacy, imported.problem.kind === 'newer' ? `newer-v${imported.problem.version}` : 'corrupt');
      notices.push(
        imported.problem.kind === 'newer'
          ? `The sandbox state was written by a newer version of Vipps Explorer (format ${imported.problem.version}); it was moved to ${aside} untouched and the sandbox starts empty.`
          : `The saved sandbox state could not be read (${imported.problem.kind === 'bad' ? imported.problem.reason : 'damaged'}); it was moved to ${aside} and the sandbox starts empty.`,
      );
      return { tokenSecret: null, notices };
    }
    const aside = await this.moveAside(legacy, 'imported');
    notices.push(`The sandbox state was converted to the new format; the old file was kept as ${aside}.`);
    if (!imported.tokenSecretUsable) notices.push('The saved token secret was not usable, so a new one was made: fetch new sandbox access tokens.');
    return { tokenSecret: imported.tokenSecretUsable ? imported.tokenSecret : null, notices };
  }

  private async moveAside(file: string, label: string): Promise<string> {
    const aside = `${file}.${label}-${new Date(this.now()).toISOString().replace(/[:.]/g, '-')}`;
    await rename(file, aside);
    return aside;
  }

  /** Starts saving: rewrites the log once (so its header carries the secret in use), then appends. */
  async attach(tokenSecret: string): Promise<void> {
    this.secret = tokenSecret;
    this.store.onChange((table, key) => {
      if (table === null) this.pending = new Map([['\u0001clear', { table: null, key: null }]]);
      else this.pending.set(`${table}\u0000${key}`, { table, key });
      this.schedule();
    });
    await this.enqueue(() => this.compact());
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.enqueue(() => this.appendPending());
    }, SAVE_DELAY_MS);
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(task).catch((error: unknown) => {
      console.error(`Vipps sandbox: could not save state to ${this.file}: ${error instanceof Error ? error.message : String(error)}`);
    });
    return this.chain;
  }

  private async appendPending(): Promise<void> {
    if (this.pending.size === 0) return;
    const changes = this.pending;
    // After a reset the log is rewritten, so the disk gives the space back as memory does.
    if (changes.has('\u0001clear')) return this.compact();
    this.pending = new Map();
    const out: string[] = [];
    for (const { table, key } of changes.values()) {
      if (table === null || key === null) out.push('{"c":1}');
      else {
        const record = this.store.table(table).get(key);
        out.push(record === undefined ? JSON.stringify({ t: table, k: key, d: 1 }) : encodeRecord(table, key, record));
      }
    }
    this.handle ??= await open(this.file, 'a', 0o600);
    await this.handle.write(`${out.join('\n')}\n`);
    this.linesSinceCompaction += out.length;
    const live = TABLE_NAMES.reduce((n, t) => n + this.store.table(t).size, 0);
    if (this.linesSinceCompaction > Math.max(COMPACT_MIN_LINES, 2 * live)) await this.compact();
  }

  /** Writes the live records to a new file and swaps it in; the old log is never half-replaced. */
  private async compact(): Promise<void> {
    this.pending = new Map();
    const temp = `${this.file}.${process.pid}.tmp`;
    const out = await open(temp, 'w', 0o600);
    try {
      await out.write(`${JSON.stringify({ format: HEADER_FORMAT, version: STATE_VERSION, tokenSecret: this.secret })}\n`);
      let batch: string[] = [];
      let lines = 0;
      for (const table of TABLE_NAMES) {
        for (const [key, record] of this.store.table(table)) {
          batch.push(encodeRecord(table, key, record));
          lines++;
          if (batch.length >= 1000) {
            await out.write(`${batch.join('\n')}\n`);
            batch = [];
          }
        }
      }
      if (batch.length > 0) await out.write(`${batch.join('\n')}\n`);
      await out.sync();
      this.linesSinceCompaction = lines;
    } finally {
      await out.close();
    }
    await this.handle?.close();
    this.handle = null;
    await rename(temp, this.file);
  }

  /** Waits until every change so far is on disk. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.enqueue(() => this.appendPending());
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    await this.enqueue(async () => {
      await this.handle?.sync();
      await this.handle?.close();
      this.handle = null;
    });
  }

  async size(): Promise<number> {
    return (await stat(this.file)).size;
  }
}
