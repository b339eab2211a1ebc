// How deep a body nests, measured without recursion, so a check can run before any recursive
// parser (zod, ProseMirror) sees a hostile tree. No imports: shared/model/article.ts uses it.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The deepest block of a body as ProseMirror counts it (a top-level paragraph is 1), measured without recursion. */
export function bodyDepth(raw: unknown): number {
  return bodyShape(raw).depth;
}

/**
 * Depth and node count of a body, walked without recursion; stops counting once past `stopAt`
 * nodes, so a huge tree costs no more than the limit it breaks.
 */
export function bodyShape(raw: unknown, stopAt = Infinity): { depth: number; nodes: number } {
  let depth = 0;
  let nodes = 0;
  const stack: { node: unknown; depth: number }[] = [{ node: raw, depth: 0 }];
  while (stack.length > 0 && nodes <= stopAt) {
    const top = stack.pop()!;
    if (!isObject(top.node)) continue;
    nodes++;
    if (top.node.type === 'text' || top.node.type === 'hardBreak') continue;
    if (top.depth > depth) depth = top.depth;
    if (Array.isArray(top.node.content)) for (const child of top.node.content) stack.push({ node: child, depth: top.depth + 1 });
  }
  return { depth, nodes };
}
