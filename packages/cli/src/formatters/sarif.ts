// SARIF 2.1.0 (validated in tests against the schema in test/schemas/). One run; tool.driver.rules
// carries every rule's metadata (description, source clause, docs link); results reference rules by
// ruleIndex; regions give line/column (UTF-16 code units) and charOffset/charLength.
import { artifactUri, srcRootUri } from './paths.js';
import type { CliMessage, FileResult, Formatter, RuleMeta } from './types.js';

/**
 * Rule documentation lives in docs/rules/<id>.md. Links point at the installed copy (a file: URL
 * that resolves on the machine that ran the check) unless REPLYLINT_DOCS_URL names a folder where
 * the docs are published (an intranet Git server: …/blob/main/docs/rules/); this is the fallback
 * when neither is known.
 */
export const RULE_DOCS_BASE = 'https://replylint.invalid/docs/rules/';

const docsLink = (base: string, id: string) => `${base}${encodeURIComponent(id)}${base === RULE_DOCS_BASE ? '' : '.md'}`;
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

const level = (sev: 1 | 2 | 'warn' | 'error') => (sev === 2 || sev === 'error' ? 'error' : 'warning');

function ruleDescriptor(r: RuleMeta, base: string): Record<string, unknown> {
  return {
    id: r.id,
    shortDescription: { text: r.description },
    fullDescription: { text: r.rationale ? `${r.description}${r.rationale}` : r.description },
    helpUri: docsLink(base, r.id),
    help: { text: `规则说明：docs/rules/${r.id}.md；出处：${r.source}` },
    defaultConfiguration: { level: level(r.severity) },
    properties: { source: r.source, category: r.category, fixable: r.fixable, tags: [r.category] },
  };
}

function region(m: CliMessage): Record<string, number> {
  return {
    startLine: m.line,
    startColumn: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    charOffset: m.range[0],
    charLength: m.range[1] - m.range[0],
  };
}

export const sarif: Formatter = (results: FileResult[], ctx) => {
  const metas = ctx.rules();
  const base = ctx.docsBase ?? RULE_DOCS_BASE;
  const index = new Map<string, number>();
  const descriptors: Record<string, unknown>[] = [];
  for (const r of metas) {
    if (index.has(r.id)) continue;
    index.set(r.id, descriptors.length);
    descriptors.push(ruleDescriptor(r, base));
  }
  const artifacts: Record<string, unknown>[] = [];
  const out: Record<string, unknown>[] = [];
  for (const file of results) {
    const loc = artifactUri(file.filePath, ctx.cwd);
    const artifactIndex = artifacts.length;
    artifacts.push({ location: loc, encoding: file.encoding === 'gb18030' ? 'gb18030' : 'utf-8', mimeType: 'text/markdown' });
    for (const m of file.messages) {
      let ruleIndex = index.get(m.ruleId);
      if (ruleIndex === undefined) {
        ruleIndex = descriptors.length;
        index.set(m.ruleId, ruleIndex);
        descriptors.push({ id: m.ruleId, shortDescription: { text: m.ruleId }, helpUri: docsLink(base, m.ruleId) });
      }
      const artifactLocation = { ...loc, index: artifactIndex };
      const result: Record<string, unknown> = {
        ruleId: m.ruleId,
        ruleIndex,
        level: level(m.severity),
        message: { text: m.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(m) } }],
        properties: { messageId: m.messageId },
      };
      if (m.fix) {
        result.fixes = [
          {
            description: { text: '自动修复' },
            artifactChanges: [
              {
                artifactLocation,
                replacements: [{ deletedRegion: { charOffset: m.fix.range[0], charLength: m.fix.range[1] - m.fix.range[0] }, insertedContent: { text: m.fix.text } }],
              },
            ],
          },
        ];
      }
      out.push(result);
    }
  }
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'replylint',
            fullName: 'replylint（答复质检）',
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: base.replace(/docs\/rules\/$/, ''),
            language: 'zh-CN',
            rules: descriptors,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: srcRootUri(ctx.cwd) } },
        artifacts,
        columnKind: 'utf16CodeUnits',
        results: out,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
