import type { Rule } from '../engine/rule.js';
import type { AssetGraph } from '../graph/graph.js';
import type { Asset } from '../graph/model.js';

/**
 * The asset graph, or part of it, as a diagram people look at rather than read: Mermaid (GitHub
 * renders it in markdown, so in a job summary) or Graphviz DOT. Every label comes from the cloud, so
 * everything outside a small safe alphabet becomes an entity (Mermaid) or an escaped character (DOT):
 * a resource name cannot end a label or inject diagram syntax.
 */

export const DIAGRAM_FORMATS = ['mermaid', 'dot'] as const;
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

export interface DiagramEdge {
  from: string;
  type: string;
  to: string;
}

export interface Diagram {
  /** Asset ids, in the order they are drawn. */
  nodes: string[];
  edges: DiagramEdge[];
  /** Nodes drawn in the highlight style (the flagged asset, the target of a path). */
  highlighted?: ReadonlySet<string>;
}

/** The edge types a path rule's steps follow, last step first (the hop to the target matters most). */
export function pathEdgeTypes(rule: Rule): string[] {
  const steps = (rule.path ?? []) as Array<{ edge?: string | string[] }>;
  return steps.flatMap((step) => (Array.isArray(step.edge) ? step.edge : step.edge ? [step.edge] : [])).reverse();
}

/**
 * An attack path as a diagram: its assets in order, with the edge each hop took. Two assets can be
 * joined by several edges (a role reads and writes a bucket): the edge types the rule's steps follow
 * (`stepEdges`) are preferred.
 */
export function pathDiagram(graph: AssetGraph, path: readonly string[], stepEdges: readonly string[] = []): Diagram {
  const edges: DiagramEdge[] = [];
  for (let index = 0; index + 1 < path.length; index++) {
    const from = path[index]!;
    const to = path[index + 1]!;
    edges.push(edgeBetween(graph, from, to, stepEdges) ?? { from, type: 'reaches', to });
  }
  return { nodes: [...path], edges, highlighted: new Set([path[0]!, path[path.length - 1]!]) };
}

/** The assets within `hops` edges of a start set (either direction), with the edges among them. */
export function neighbourhoodDiagram(graph: AssetGraph, start: readonly string[], hops: number, maxNodes = 200): Diagram {
  const seen = new Set(start.filter((id) => graph.get(id)));
  let layer = [...seen];
  for (let hop = 0; hop < hops && layer.length > 0 && seen.size < maxNodes; hop++) {
    const next: string[] = [];
    for (const id of layer) {
      const asset = graph.get(id)!;
      for (const direction of ['out', 'in'] as const) {
        for (const neighbours of graph.adjacent(asset, direction).values()) {
          for (const neighbour of neighbours) {
            if (seen.has(neighbour.id) || seen.size >= maxNodes) continue;
            seen.add(neighbour.id);
            next.push(neighbour.id);
          }
        }
      }
    }
    layer = next;
  }
  const nodes = [...seen].sort();
  const edges = graph.edges.filter((edge) => seen.has(edge.from) && seen.has(edge.to));
  return { nodes, edges, highlighted: new Set(start) };
}

/** The whole graph. */
export function graphDiagram(graph: AssetGraph): Diagram {
  return { nodes: graph.assets.map((asset) => asset.id), edges: [...graph.edges] };
}

function edgeBetween(graph: AssetGraph, from: string, to: string, preferred: readonly string[]): DiagramEdge | undefined {
  const fromAsset = graph.get(from);
  if (!fromAsset) return undefined;
  const candidates: DiagramEdge[] = [];
  for (const [type, neighbours] of graph.adjacent(fromAsset, 'out')) if (neighbours.some((asset) => asset.id === to)) candidates.push({ from, type, to });
  for (const [type, neighbours] of graph.adjacent(fromAsset, 'in')) if (neighbours.some((asset) => asset.id === to)) candidates.push({ from: to, type, to: from });
  const rank = (edge: DiagramEdge) => (preferred.includes(edge.type) ? preferred.indexOf(edge.type) : preferred.length);
  return candidates.sort((a, b) => rank(a) - rank(b))[0];
}

export function renderDiagram(graph: AssetGraph, diagram: Diagram, format: DiagramFormat): string {
  return format === 'mermaid' ? mermaid(graph, diagram) : dot(graph, diagram);
}

function label(asset: Asset | undefined, id: string): [string, string] {
  return asset ? [asset.name, asset.type] : [id, 'not collected'];
}

/** Mermaid: letters, digits and a few marks stay; anything else is a numeric entity (#60; for <). */
function mermaidText(text: string): string {
  return [...text].map((char) => (/^[A-Za-z0-9 ._:/@+=,-]$/.test(char) ? char : `#${char.codePointAt(0)};`)).join('');
}

function mermaid(graph: AssetGraph, diagram: Diagram): string {
  const key = new Map(diagram.nodes.map((id, index) => [id, `n${index}`]));
  const lines = ['flowchart LR'];
  for (const id of diagram.nodes) {
    const [name, type] = label(graph.get(id), id);
    lines.push(`  ${key.get(id)}["${mermaidText(name)}<br/>${mermaidText(type)}"]`);
  }
  for (const edge of diagram.edges) {
    const from = key.get(edge.from);
    const to = key.get(edge.to);
    if (from && to) lines.push(`  ${from} -->|${mermaidText(edge.type)}| ${to}`);
  }
  const highlighted = diagram.nodes.filter((id) => diagram.highlighted?.has(id)).map((id) => key.get(id));
  if (highlighted.length > 0) {
    lines.push('  classDef flagged fill:#fde2e1,stroke:#c0392b,stroke-width:2px');
    lines.push(`  class ${highlighted.join(',')} flagged`);
  }
  return `${lines.join('\n')}\n`;
}

/** DOT: a double-quoted string with backslashes, quotes and control characters escaped. */
function dotText(text: string): string {
  return text.replace(/[\\"]/g, (char) => `\\${char}`).replace(/[\u0000-\u001f\u007f]/g, ' ');
}

function dot(graph: AssetGraph, diagram: Diagram): string {
  const lines = ['digraph aispm {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];'];
  for (const id of diagram.nodes) {
    const [name, type] = label(graph.get(id), id);
    const style = diagram.highlighted?.has(id) ? ', color="#c0392b", penwidth=2' : '';
    lines.push(`  "${dotText(id)}" [label="${dotText(name)}\\n${dotText(type)}"${style}];`);
  }
  for (const edge of diagram.edges) lines.push(`  "${dotText(edge.from)}" -> "${dotText(edge.to)}" [label="${dotText(edge.type)}"];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
