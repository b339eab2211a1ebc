// Boundaries by folder, not by import text: every import is resolved against the file that makes
// it, and the folder it lands in (or the package it names) is checked against the zone's lists.
// So `../main/x` and `../../electron/main/x` are judged by where they point, not how they read.
// A small local rule because neither eslint-plugin-import-x nor eslint-plugin-boundaries is
// installed; it needs no module resolution beyond path arithmetic (no aliases in this project).
import { builtinModules } from 'node:module';
import path from 'node:path';

const builtins = new Set(builtinModules);

/**
 * What an import specifier points at: a folder path relative to `root` (posix, e.g. `core/Library`),
 * a Node builtin, or an npm package name (`zod`, `@tiptap/react`).
 */
export function classifyImport(specifier, filename, root) {
  const bare = specifier.replace(/[?#].*$/, ''); // Vite's `?raw`, `?url` suffixes
  if (bare.startsWith('.') || path.isAbsolute(bare)) {
    const target = path.resolve(path.dirname(filename), bare);
    return { kind: 'path', path: path.relative(root, target).split(path.sep).join('/') };
  }
  if (bare.startsWith('node:')) return { kind: 'builtin', name: bare };
  const parts = bare.split('/');
  const name = bare.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  if (builtins.has(name)) return { kind: 'builtin', name: bare };
  return { kind: 'package', name };
}

/** `core` matches `core/x` and `core` itself, not `corex/y`; `..` paths (outside the repo) match nothing. */
const inFolder = (p, folder) => p === folder || p.startsWith(`${folder}/`);
/** `@tiptap/*` matches every package of the scope; other entries match the name exactly. */
const namesPackage = (name, entry) => (entry.endsWith('/*') ? name.startsWith(entry.slice(0, -1)) : name === entry);

/** Why this target is refused under these options, or null when it is allowed. */
export function refusal(target, options) {
  if (target.kind === 'path') {
    const { allow, deny } = options.folders ?? {};
    if (allow && !allow.some((f) => inFolder(target.path, f))) return `lands in ${target.path}, outside ${allow.map((f) => `${f}/`).join(', ')}`;
    if (deny && deny.some((f) => inFolder(target.path, f))) return `lands in ${target.path}`;
    return null;
  }
  if (target.kind === 'builtin') return options.builtins === 'allow' ? null : `is the Node builtin ${target.name}`;
  const { allow, deny } = options.packages ?? {};
  if (allow && !allow.some((e) => namesPackage(target.name, e))) return `names the package ${target.name}, not on the allow-list`;
  if (deny && deny.some((e) => namesPackage(target.name, e))) return `names the package ${target.name}`;
  return null;
}

const stringOf = (node) => {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  if (node.type === 'TSLiteralType') return stringOf(node.literal); // import('x').T in a type
  return null;
};

/** @type {import('eslint').Rule.RuleModule} */
export const folderBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports resolve into the folders and packages their zone allows.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          zone: { type: 'string' },
          folders: { type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } }, deny: { type: 'array', items: { type: 'string' } } }, additionalProperties: false },
          packages: { type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } }, deny: { type: 'array', items: { type: 'string' } } }, additionalProperties: false },
          builtins: { enum: ['allow', 'deny'] },
          why: { type: 'string' },
        },
        required: ['root', 'zone'],
        additionalProperties: false,
      },
    ],
    messages: { refused: "{{zone}}: '{{specifier}}' {{reason}}. {{why}}" },
  },
  create(context) {
    const options = context.options[0];
    const check = (node, source) => {
      const specifier = stringOf(source);
      if (specifier === null) return;
      const reason = refusal(classifyImport(specifier, context.filename, options.root), options);
      if (reason) context.report({ node: source, messageId: 'refused', data: { zone: options.zone, specifier, reason, why: options.why ?? '' } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, 'source' in node ? node.source : node.argument), // `argument` before typescript-eslint 8.x's `source`
      TSExternalModuleReference: (node) => check(node, node.expression),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, node.arguments[0]);
      },
    };
  },
};

export default { meta: { name: 'copydesk-boundaries' }, rules: { boundaries: folderBoundaries } };
