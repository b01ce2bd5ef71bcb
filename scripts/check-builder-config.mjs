// `npm run check:builder`: validates electron-builder.yml offline, since packaging itself needs
// the internet. Two layers: electron-builder's own JSON schema (the same file and validator
// library it uses at build time, loaded from its install so versions match), then the
// project's release policy (fuses, asar, targets, icon), which the schema cannot express.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const configPath = path.join(root, process.argv[2] ?? 'electron-builder.yml');

const fromRoot = createRequire(path.join(root, 'package.json'));
const fromBuilder = createRequire(fromRoot.resolve('electron-builder/package.json'));
const fromBuilderLib = createRequire(fromBuilder.resolve('app-builder-lib/package.json'));
const Ajv = fromBuilderLib('ajv').default;
const yaml = fromBuilderLib('js-yaml');
const schema = fromBuilderLib('app-builder-lib/scheme.json');

const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
};
const REQUIRED_TARGETS = { linux: ['AppImage', 'deb'], mac: ['dmg'], win: ['nsis'] };
const ICON_SIZE = 512;

const configName = path.relative(root, configPath);

function fail(problems) {
  console.error(`${configName} has ${problems.length} problem(s):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}

function loadConfig() {
  try {
    return yaml.load(fs.readFileSync(configPath, 'utf8'));
  } catch (error) {
    fail([`could not read ${configName}: ${error.message}`]);
  }
}

function schemaProblems(config) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  if (validate(config)) return [];
  // Most options are `anyOf: [<object>, null]`: the anyOf summary and the "must be null"
  // branch only repeat that something below is wrong; the specific errors say what.
  const isBranchNoise = (e) => e.keyword === 'anyOf' || e.keyword === 'oneOf' || (e.keyword === 'type' && e.params?.type === 'null');
  const specific = validate.errors.filter((e) => !isBranchNoise(e));
  return (specific.length > 0 ? specific : validate.errors).map((e) => {
    const where = `configuration${e.instancePath.replaceAll('/', '.')}`;
    const extra = e.params?.additionalProperty ? ` '${e.params.additionalProperty}'` : '';
    return `${where} ${e.message}${extra} (electron-builder schema)`;
  });
}

function targetNames(platformConfig) {
  const target = platformConfig?.target;
  const list = target == null ? [] : Array.isArray(target) ? target : [target];
  return list.map((entry) => (typeof entry === 'string' ? entry : entry?.target)).filter(Boolean);
}

function pngSize(file) {
  const bytes = fs.readFileSync(file);
  const signature = '89504e470d0a1a0a';
  if (bytes.subarray(0, 8).toString('hex') !== signature || bytes.subarray(12, 16).toString('ascii') !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function policyProblems(config) {
  const problems = [];
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

  if (!config.appId) problems.push('appId is missing');
  if (config.productName !== 'Vipps Explorer') problems.push(`productName must be "Vipps Explorer", found ${JSON.stringify(config.productName)}`);
  if (config.directories?.output !== 'release') problems.push('directories.output must be "release" (dist/ holds the build output)');
  if (pkg.build !== undefined) problems.push('package.json has a "build" key; keep all packaging settings in electron-builder.yml');

  const files = Array.isArray(config.files) ? config.files : [];
  for (const pattern of ['dist/**', 'package.json']) if (!files.includes(pattern)) problems.push(`files must include "${pattern}"`);
  if (!pkg.main?.startsWith('dist/')) problems.push(`package.json "main" (${pkg.main}) is not inside dist/, so it would not be packaged`);

  if (config.asar !== true) problems.push('asar must be true (the onlyLoadAppFromAsar and integrity fuses depend on it)');
  const unpack = config.asarUnpack == null ? [] : [config.asarUnpack].flat();
  if (!unpack.includes('**/*.node')) problems.push('asarUnpack must include "**/*.node" so keytar\'s native module can load');

  const fuses = config.electronFuses ?? {};
  for (const [fuse, expected] of Object.entries(REQUIRED_FUSES)) {
    if (fuses[fuse] !== expected) problems.push(`electronFuses.${fuse} must be ${expected}, found ${JSON.stringify(fuses[fuse])}`);
  }

  for (const [platform, required] of Object.entries(REQUIRED_TARGETS)) {
    const present = targetNames(config[platform]);
    for (const target of required) if (!present.includes(target)) problems.push(`${platform}.target must include ${target}, found [${present.join(', ')}]`);
  }
  if (!config.linux?.category) problems.push('linux.category is missing (desktop menus and the deb Section need it)');

  const icons = new Set([config.linux?.icon, config.mac?.icon, config.win?.icon, config.icon].filter(Boolean));
  if (icons.size === 0) problems.push('no icon is configured');
  for (const icon of icons) {
    const file = path.join(root, icon);
    if (!fs.existsSync(file)) {
      problems.push(`icon ${icon} does not exist (run node scripts/generate-icon.mjs)`);
      continue;
    }
    if (path.extname(file) !== '.png') continue;
    const size = pngSize(file);
    if (!size || size.width < ICON_SIZE || size.height < ICON_SIZE) {
      problems.push(`icon ${icon} must be a PNG of at least ${ICON_SIZE}×${ICON_SIZE}, found ${size ? `${size.width}×${size.height}` : 'not a PNG'}`);
    }
  }
  return problems;
}

const config = loadConfig();
if (config === null || typeof config !== 'object' || Array.isArray(config)) fail(['the file does not contain a YAML mapping']);
const problems = [...schemaProblems(config), ...policyProblems(config)];
if (problems.length > 0) fail(problems);
console.log(`${configName} is valid: schema of app-builder-lib ${fromBuilderLib('app-builder-lib/package.json').version}, ${Object.keys(REQUIRED_FUSES).length} fuses, targets ${Object.entries(REQUIRED_TARGETS).map(([p, t]) => `${p}: ${t.join('+')}`).join(', ')}`);
