// Import circles among the project's own files: every relative import (type-only ones too, as a
// reader follows them) is an edge, and each group of files that reach one another is a circle.
// Run `node --import tsx scripts/importCircles.ts [folders…]` to list them; a test keeps it at none.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** The folders whose code must have no circles. */
export const CODE_FOLDERS = ['core', 'shared', 'renderer/src', 'cli', 'host', 'server', 'electron'];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(resolve(path));
  }
  return out;
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Each circle as its files (relative to `root`, sorted); none when the imports form a tree. */
export function findImportCircles(root: string, folders: readonly string[] = CODE_FOLDERS): string[][] {
  const files = folders.map((f) => join(root, f)).filter((d) => existsSync(d)).flatMap((d) => sourceFiles(d));
  const known = new Set(files);
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    edges.set(file, importedFiles.map((i) => resolveImport(file, i.fileName)).filter((f): f is string => f !== null && known.has(f)));
  }
  // Tarjan's strongly connected components, without recursion (deep import chains).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  let next = 0;
  for (const start of files) {
    if (index.has(start)) continue;
    const work: { file: string; edge: number }[] = [{ file: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1];
      const out = edges.get(top.file) ?? [];
      if (top.edge < out.length) {
        const to = out[top.edge++];
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ file: to, edge: 0 });
        } else if (onStack.has(to)) low.set(top.file, Math.min(low.get(top.file)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].file;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.file)!));
      }
      if (low.get(top.file) === index.get(top.file)) {
        const group: string[] = [];
        let f: string;
        do {
          f = stack.pop()!;
          onStack.delete(f);
          group.push(f);
        } while (f !== top.file);
        if (group.length > 1 || out.includes(top.file)) circles.push(group.map((g) => relative(root, g)).sort());
      }
    }
  }
  return circles;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) {
  const folders = process.argv.slice(2);
  const circles = findImportCircles(process.cwd(), folders.length ? folders : CODE_FOLDERS);
  for (const c of circles) console.log(c.join('  <->  '));
  console.log(`${circles.length} import circle(s)`);
  process.exitCode = circles.length ? 1 : 0;
}
