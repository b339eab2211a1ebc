// The renderer's entry (renderer/src/main.tsx) is a tiny chunk that asks the core its start-up
// questions, then imports the app (renderer/src/startApp.tsx). Left to Vite, the app's chunks would
// be fetched only once that entry has run; named in index.html, the browser fetches and parses them
// beside it. Its CSS is only preloaded, not linked: a stylesheet link would hold the entry (and its
// questions to the core) until the CSS is in, and Vite's import adds the stylesheet itself (from
// the cache). appChunkGroup, below, keeps those chunks few.
import type { IndexHtmlTransformContext, Plugin } from 'vite';

type Bundle = NonNullable<IndexHtmlTransformContext['bundle']>;
type Chunk = Extract<Bundle[string], { type: 'chunk' }>;

/** The chunk built from `module` and the chunks it imports statically, transitively (but the entry, already a script of the page), with their CSS. */
export function chunkFiles(bundle: Bundle, module: string): { scripts: string[]; styles: string[] } {
  const chunks = Object.values(bundle).filter((c): c is Chunk => c.type === 'chunk');
  // The app's chunk: its dynamic import's facade, or the chunk appChunkGroup gathered it in.
  const start = chunks.find((c) => c.facadeModuleId?.endsWith(module)) ?? chunks.find((c) => !c.isEntry && c.moduleIds.some((id) => id.endsWith(module)));
  if (!start) throw new Error(`preloadAppChunk: no chunk is built from ${module}`);
  const scripts = [start.fileName];
  for (const file of scripts) {
    for (const dep of chunks.find((c) => c.fileName === file)!.imports) if (!scripts.includes(dep) && !chunks.some((c) => c.fileName === dep && c.isEntry)) scripts.push(dep);
  }
  const styles = scripts.flatMap((file) => [...(chunks.find((c) => c.fileName === file)!.viteMetadata?.importedCss ?? [])]);
  return { scripts, styles };
}

export function preloadAppChunk(module: string): Plugin {
  return {
    name: 'copydesk:preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return [];
        const { scripts, styles } = chunkFiles(ctx.bundle, module);
        return [
          ...scripts.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
          ...styles.map((file) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

type ModuleGraph = { getModuleInfo(id: string): { importedIds: readonly string[] } | null };

/** `from` and every module it imports statically, transitively. */
function staticClosure(graph: ModuleGraph, from: string): Set<string> {
  const seen = new Set([from]);
  for (const id of seen) for (const dep of graph.getModuleInfo(id)?.importedIds ?? []) seen.add(dep);
  return seen;
}

/**
 * A chunking group that keeps the app's first load in one chunk: every module the app (`app`, an
 * absolute path) reaches statically, but those the entry (`entry`) holds. Left alone, the bundler
 * gives the modules the app shares with a lazy screen (React, the i18n hook, small helpers) chunks
 * of their own, and the page then asks the browser host for more files at once than the browser
 * opens connections to it (six), so start-up's questions to the core wait for a free one.
 */
export function appChunkGroup(entry: string, app: string) {
  let members: Set<string> | null = null;
  return {
    // Not the captured modules' dependencies too: those the entry holds stay there.
    includeDependenciesRecursively: false,
    name: (id: string, graph: ModuleGraph) => {
      if (!members) {
        const before = staticClosure(graph, entry);
        members = new Set([...staticClosure(graph, app)].filter((m) => !before.has(m) && !m.startsWith('\0')));
      }
      return members.has(id) ? 'startApp' : null;
    },
  };
}
