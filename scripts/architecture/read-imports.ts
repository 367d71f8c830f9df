/**
 * Reads the import statements of every `.ts` file under a folder with the TypeScript compiler
 * API (a syntax tree per file, no type checking): static imports and re-exports, type-only
 * ones, and dynamic `import()` calls.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** How a file uses another: at run time, for types only, or loaded on demand with `import()`. */
export type ImportKind = 'value' | 'type' | 'dynamic';

/** One import of a file: a file of the folder, a Node built-in, or a package. */
export interface ImportEdge {
  /** The importing file, relative to the repository root with `/` separators. */
  readonly from: string;
  /** The imported file (same form), `node:<name>` for a built-in, or the package name. */
  readonly to: string;
  readonly kind: ImportKind;
  /** `file` for a file of the repository, `builtin` or `package` otherwise. */
  readonly target: 'file' | 'builtin' | 'package';
}

/** Every file and every import found. */
export interface ImportGraph {
  readonly files: readonly string[];
  readonly edges: readonly ImportEdge[];
}

const toPosix = (path: string): string => path.split(sep).join('/');

/** Every `.ts` file (not `.d.ts`) under `folder`, sorted. */
function typeScriptFiles(folder: string): string[] {
  const entries = readdirSync(folder, { recursive: true, encoding: 'utf8' });
  return entries
    .filter((entry) => entry.endsWith('.ts') && !entry.endsWith('.d.ts'))
    .map((entry) => join(folder, entry))
    .sort();
}

/** A relative specifier as the file it names (`./x.js` → `x.ts`, a folder → its `index.ts`). */
function resolveRelative(importer: string, specifier: string): string | undefined {
  const base = resolve(dirname(importer), specifier);
  const candidates = [
    base.replace(/\.(m|c)?js$/, '.$1ts'),
    `${base}.ts`,
    join(base, 'index.ts'),
    base,
  ];
  return candidates.find((candidate) => candidate.endsWith('.ts') && existsSync(candidate));
}

/** A bare specifier's package: `@scope/name` or `name`, without a subpath. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** Whether an import clause brings in types only (`import type`, or every name `type`). */
function isTypeOnlyImport(clause: ts.ImportClause | undefined): boolean {
  if (clause === undefined) return false; // `import './x.js'` runs the module
  if (clause.phaseModifier === ts.SyntaxKind.TypeKeyword) return true;
  if (clause.name !== undefined) return false;
  const bindings = clause.namedBindings;
  if (bindings === undefined || ts.isNamespaceImport(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

function isTypeOnlyExport(declaration: ts.ExportDeclaration): boolean {
  if (declaration.isTypeOnly) return true;
  const clause = declaration.exportClause;
  return (
    clause !== undefined &&
    ts.isNamedExports(clause) &&
    clause.elements.length > 0 &&
    clause.elements.every((element) => element.isTypeOnly)
  );
}

/** Every `[specifier, kind]` the source file imports, in order of appearance. */
function specifiersOf(source: ts.SourceFile): [string, ImportKind][] {
  const found: [string, ImportKind][] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const kind = isTypeOnlyImport(node.importClause) ? 'type' : 'value';
      found.push([node.moduleSpecifier.text, kind]);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push([node.moduleSpecifier.text, isTypeOnlyExport(node) ? 'type' : 'value']);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push([node.arguments[0].text, 'dynamic']);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push([node.argument.literal.text, 'type']);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The import graph of every `.ts` file under `folder`.
 *
 * @param root - the repository root (paths are given relative to it).
 * @param folder - the folder to read, relative to `root` (e.g. `lib`).
 * @returns the files and their imports; a relative import that names no file is an error.
 */
export function readImports(root: string, folder: string): ImportGraph {
  const files = typeScriptFiles(join(root, folder));
  const edges: ImportEdge[] = [];
  for (const file of files) {
    const from = toPosix(relative(root, file));
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
    for (const [specifier, kind] of specifiersOf(source)) {
      if (specifier.startsWith('.')) {
        const resolved = resolveRelative(file, specifier);
        if (resolved === undefined) {
          throw new Error(`${from}: cannot resolve import "${specifier}"`);
        }
        edges.push({ from, to: toPosix(relative(root, resolved)), kind, target: 'file' });
      } else if (specifier.startsWith('node:')) {
        edges.push({ from, to: specifier, kind, target: 'builtin' });
      } else {
        edges.push({ from, to: packageOf(specifier), kind, target: 'package' });
      }
    }
  }
  return { files: files.map((file) => toPosix(relative(root, file))), edges };
}

/** The folder of a file, e.g. `lib/testing/reply` for `lib/testing/reply/reply-plan.ts`. */
export const folderOf = (file: string): string => file.slice(0, Math.max(0, file.lastIndexOf('/')));
