/**
 * Cycles of a directed graph: its strongly connected components of more than one node (or a
 * node with an edge to itself), found with Tarjan's algorithm (iterative, so deep graphs do
 * not overflow the stack).
 */

/**
 * Every cycle of the graph, each as its nodes sorted, the list sorted.
 *
 * @param nodes - every node.
 * @param next - a node's successors.
 * @returns the strongly connected components that hold a cycle.
 */
export function findCycles(
  nodes: readonly string[],
  next: (node: string) => readonly string[],
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  for (const start of nodes) {
    if (index.has(start)) continue;
    // Each frame: a node and the position of the next successor to look at.
    const frames: { node: string; successors: readonly string[]; at: number }[] = [];
    const enter = (node: string): void => {
      index.set(node, counter);
      low.set(node, counter);
      counter += 1;
      stack.push(node);
      onStack.add(node);
      frames.push({ node, successors: next(node), at: 0 });
    };
    enter(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const successor = frame.successors[frame.at];
      if (successor !== undefined) {
        frame.at += 1;
        if (!index.has(successor)) {
          enter(successor);
        } else if (onStack.has(successor)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(successor)!));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) {
        low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && next(frame.node).includes(frame.node);
        if (component.length > 1 || selfLoop) cycles.push(component.sort());
      }
    }
  }
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}
