// Per-folder import allowlists (the house rule of ../shared/DESIGN.md, as VS Code keeps its
// layers): a file may import project code only from the folders its layer lists. Packages are
// left to no-restricted-imports; this rule looks at relative imports, resolved to the folder
// they point at, so `../x` cannot slip past by its spelling.
import path from 'node:path';

const EXTENSIONS = /\.(tsx?|jsx?|mjs|cjs)$/;

/** `a/b/index` and `a/b` both name the folder's index; an entry ending in `/` is a whole folder. */
function allowed(target, allow) {
  const plain = target.replace(EXTENSIONS, '');
  const candidates = [plain, plain.endsWith('/index') ? plain.slice(0, -'/index'.length) : `${plain}/index`];
  return allow.some((entry) => (entry.endsWith('/') ? plain === entry.slice(0, -1) || plain.startsWith(entry) : candidates.includes(entry.replace(EXTENSIONS, ''))));
}

export const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Project imports only from the folders this layer may use.' },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, allow: { type: 'array', items: { type: 'string' } }, layer: { type: 'string' } },
        required: ['root', 'allow', 'layer'],
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden: '{{layer}} may import project code only from {{allowed}}; "{{source}}" points at {{target}}. Import what you need through an allowed module, or pass it in.',
    },
  },
  create(context) {
    const { root, allow, layer } = context.options[0];
    const filename = context.filename;
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.relative(root, path.resolve(path.dirname(filename), source)).split(path.sep).join('/');
      if (!allowed(target, allow)) {
        context.report({ node, messageId: 'forbidden', data: { layer, allowed: allow.join(', '), source, target } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
