// No import cycle in the core (issue: one core for every front end). A cycle makes module load
// order decide behaviour and usually means a lower layer reaches up (a rule kind reading profiles).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './import-graph.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

describe('core import graph', () => {
  const graph = importGraph(SRC);

  it('sees the imports (the scanner works)', () => {
    expect(graph.get('index.ts')!.length).toBeGreaterThan(5);
    expect(graph.get('engine/lint.ts')).toContain('parse/markdown.ts');
    expect(graph.get('kinds/define.ts')).not.toContain('parse/views.ts'); // `import type` is no edge
    expect(importCycles(new Map([['a', ['b']], ['b', ['a']]]))).toEqual([['a', 'b']]);
  });

  it('has no cycle', () => {
    expect(importCycles(graph)).toEqual([]);
  });
});
