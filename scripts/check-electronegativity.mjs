// Reads Electronegativity's SARIF report (written by scripts/security-scan.sh) and fails on
// every finding the allowlist does not explain, on allowlist entries that no longer match
// anything (so the list only shrinks), and on any source file the scanner could not parse:
// with -o the tool drops parse errors silently, and an unparsed file is an unscanned file.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    sarif: { type: 'string', default: '.tmp/electronegativity.sarif' },
    input: { type: 'string', default: '.tmp/electronegativity-input' },
    tool: { type: 'string', default: '.tmp/electronegativity' },
    allowlist: { type: 'string', default: 'security/electronegativity-allowlist.json' },
  },
});

const NOT_APPLICABLE = 'N/A';
const SCANNED_EXTENSIONS = new Set(['.js', '.jsx', '.ts', '.tsx', '.html', '.htm', '.json']);

function readJson(file, what) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`Could not read the ${what} ${file}: ${error.message}`);
    process.exit(1);
  }
}

function loadAllowlist(file) {
  const list = readJson(file, 'allowlist');
  const entries = Array.isArray(list.entries) ? list.entries : [];
  const malformed = entries.filter((e) => typeof e.check !== 'string' || typeof e.file !== 'string' || typeof e.reason !== 'string' || e.reason.trim() === '');
  if (malformed.length > 0 || !Array.isArray(list.entries)) {
    console.error(`${file}: every entry needs "check", "file" and a one-line "reason" (optional "line", "snippet").`);
    process.exit(1);
  }
  return entries;
}

function sourceLine(file, line) {
  if (file === NOT_APPLICABLE || !line) return '';
  try {
    return (fs.readFileSync(path.join(args.input, file), 'utf8').split(/\r?\n/)[line - 1] ?? '').trim();
  } catch {
    return '';
  }
}

function findingsFrom(sarif) {
  return (sarif.runs ?? []).flatMap((run) =>
    (run.results ?? []).map((result) => {
      const location = result.locations?.[0]?.physicalLocation;
      const uri = location?.artifactLocation?.uri ?? '';
      const file = uri === '' || uri.startsWith('file://') ? NOT_APPLICABLE : uri.split(path.sep).join('/');
      const line = location?.region?.startLine ?? 0;
      return {
        check: result.ruleId,
        review: result.level === 'note',
        file,
        line: file === NOT_APPLICABLE ? 0 : line,
        source: sourceLine(file, line),
        message: result.message?.text ?? '',
      };
    }),
  );
}

function matches(entry, finding) {
  if (entry.check !== finding.check || entry.file !== finding.file) return false;
  if (entry.line !== undefined && entry.line !== finding.line) return false;
  if (entry.snippet !== undefined && !finding.source.includes(entry.snippet)) return false;
  return true;
}

function unparsableFiles() {
  const require = createRequire(path.resolve(args.tool, 'node_modules', '@doyensec', 'electronegativity', 'package.json'));
  const { Parser } = require('./dist/parser/parser.js');
  // The same construction as the tool's runner: TypeScript through Babel first, then typescript-estree.
  const parser = new Parser(false, true);
  const failures = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (SCANNED_EXTENSIONS.has(path.extname(entry.name))) {
        try {
          parser.parse(full, fs.readFileSync(full));
        } catch (error) {
          failures.push(`${path.relative(args.input, full)}: ${String(error.message).split('\n')[0]}`);
        }
      }
    }
  };
  walk(args.input);
  return failures;
}

function printTable(rows) {
  const headers = ['check', 'kind', 'where', 'source', 'verdict'];
  const cells = rows.map((r) => [r.check, r.review ? 'review' : 'issue', r.file === NOT_APPLICABLE ? 'whole app' : `${r.file}:${r.line}`, r.source.slice(0, 48), r.verdict]);
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const format = (c) => c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i]))).join('  ');
  console.log(format(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(format(c));
}

const allowlist = loadAllowlist(args.allowlist);
const findings = findingsFrom(readJson(args.sarif, 'SARIF report'));
const used = new Set();
const rows = findings.map((finding) => {
  const index = allowlist.findIndex((entry) => matches(entry, finding));
  if (index >= 0) used.add(index);
  return { ...finding, allowed: index >= 0, verdict: index >= 0 ? `allowed #${index + 1}` : 'NOT ALLOWED', detail: index >= 0 ? allowlist[index].reason : finding.message };
});

console.log(`Electronegativity: ${findings.length} finding(s)`);
if (rows.length > 0) {
  printTable(rows);
  console.log('');
  for (const r of rows) console.log(`${r.verdict.padEnd(11)}  ${r.check}: ${r.detail}`);
}

const problems = [];
const refused = rows.filter((r) => !r.allowed);
if (refused.length > 0) problems.push(`${refused.length} finding(s) are not in ${args.allowlist}: fix them in code, or allowlist a false positive with an honest reason.`);
const stale = allowlist.filter((_, i) => !used.has(i));
for (const entry of stale) problems.push(`allowlist entry ${entry.check} @ ${entry.file}${entry.snippet ? ` ("${entry.snippet}")` : ''} matches no finding any more: remove it.`);
const unparsable = unparsableFiles();
for (const failure of unparsable) problems.push(`the scanner could not parse ${failure} (so it was not scanned); keep to syntax its bundled parsers read.`);

if (problems.length > 0) {
  console.error('\nSecurity scan failed:');
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`\nSecurity scan passed: every finding is explained in ${args.allowlist}.`);
