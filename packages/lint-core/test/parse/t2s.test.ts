import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasTraditional, toSimplified } from '../../src/parse/t2s.js';
import { T2S_FROM, T2S_PHRASES, T2S_TO } from '../../src/parse/t2s-table.js';
// @ts-expect-error -- plain .mjs build script without type declarations
import { buildT2sTable, renderT2sTable, TABLE_FILE } from '../../../../scripts/gen-t2s.mjs';

const SEED = '/work/shared/seeds/004_7f90f42dd88e3751.txt';

// Excerpt of the Traditional seed (a public municipal work plan), kept inline so the test runs anywhere.
const SEED_EXCERPT =
  '聚焦企業訴求，落實「有求必應，無事不擾」工作理念。' +
  '「局長坐診接訴」工作由市政務服務局牽頭，市市場監管局、市投促局等有關部門配合，共同做好企業訴求「接診」、梳理、歸類、分辦、反饋、分析等全鏈條服務工作。' +
  '現場不能答復解決的，明確責任單位，限期辦理，並同步填寫《「坐診」服務工作記錄表》。' +
  '特殊情況需延期辦理的，由提出延期意見的單位作出說明並反饋情況。';

const SIMPLIFIED_REPLY =
  '尊敬的市民您好：您于2024年3月5日通过12345热线反映的小区噪音扰民问题已收悉。' +
  '经办人王晓明于3月6日上午10时电话联系了您，并会同物业公司、城管局到现场核查。' +
  '经查，反映情况属实，已责令商户整改，并于3月8日回访确认噪音已消除。' +
  '如对本答复有异议，可在收到答复之日起30日内申请复核。此为最终答复。' +
  '覆盖全市的“一张网”平台实现了诉求全覆盖；乾隆年间的古建筑不在本次整治范围。';

const fromChars = [...T2S_FROM];
const unit = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 2 }) },
  { weight: 3, arbitrary: fc.constantFrom(...fromChars) },
  { weight: 2, arbitrary: fc.constantFrom('答覆', '反覆', '乾隆', '乾淨', '覆蓋', '沈默', '藉口', '瞭解', '𠮷', '😀', '裡', '訴求') },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
);
const texts = fc.array(unit, { maxLength: 40 }).map((parts) => parts.join(''));

describe('toSimplified', () => {
  it('keeps the length and every unit outside the table, never touching surrogate halves', () => {
    const inTable = new Set(T2S_FROM);
    fc.assert(
      fc.property(texts, (s) => {
        const out = toSimplified(s);
        expect(out.length).toBe(s.length);
        for (let i = 0; i < s.length; i++) {
          const c = s.charCodeAt(i);
          if (c >= 0xd800 && c <= 0xdfff) expect(out.charCodeAt(i)).toBe(c);
          else if (!inTable.has(s[i]!) && out[i] !== s[i]) {
            // only context-dependent characters (覆 in 答覆 …) may change without a table entry
            expect(T2S_PHRASES).toContain(s[i]!);
          }
        }
        expect(hasTraditional(s)).toBe(out !== s);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps astral characters intact', () => {
    expect(toSimplified('𠮷野家的訴求😀')).toBe('𠮷野家的诉求😀');
    expect(toSimplified('\ud842發\udfb7')).toBe('\ud842发\udfb7');
  });

  it('converts known characters and words', () => {
    const cases: [string, string][] = [
      ['發', '发'],
      ['與', '与'],
      ['臺', '台'],
      ['裡', '里'],
      ['於', '于'],
      ['訴求', '诉求'],
      ['複', '复'],
      ['答覆', '答复'],
      ['反覆', '反复'],
      ['經辦人電話聯繫您', '经办人电话联系您'],
      ['頭髮', '头发'],
      ['後來', '后来'],
      ['乾淨', '干净'],
    ];
    for (const [trad, simp] of cases) expect(toSimplified(trad), trad).toBe(simp);
  });

  it('respects word context like OpenCC does', () => {
    expect(toSimplified('乾隆')).toBe('乾隆');
    expect(toSimplified('覆蓋')).toBe('覆盖');
    expect(toSimplified('請儘快答覆，不要反覆推諉')).toBe('请尽快答复，不要反复推诿');
  });

  it('leaves Simplified text unchanged (and returns the same string)', () => {
    expect(toSimplified(SIMPLIFIED_REPLY)).toBe(SIMPLIFIED_REPLY);
    expect(hasTraditional(SIMPLIFIED_REPLY)).toBe(false);
    expect(toSimplified('')).toBe('');
    expect(toSimplified('ASCII only, 12345.')).toBe('ASCII only, 12345.');
  });

  it('converts the Traditional seed excerpt sensibly', () => {
    expect(hasTraditional(SEED_EXCERPT)).toBe(true);
    const out = toSimplified(SEED_EXCERPT);
    expect(out).toHaveLength(SEED_EXCERPT.length);
    for (const w of ['企业诉求', '落实', '无事不扰', '局长坐诊接诉', '市场监管局', '办理', '并同步填写', '记录表', '延期办理', '反馈情况']) expect(out).toContain(w);
    for (const c of '業訴實無擾長診辦並記錄饋') expect(out).not.toContain(c);
  });

  it.skipIf(!existsSync(SEED))('converts the full Traditional seed file', () => {
    const seed = readFileSync(SEED, 'utf8');
    const out = toSimplified(seed);
    expect(out).toHaveLength(seed.length);
    for (const w of ['诉求', '企业', '办理', '不予受理', '政务服务局', '延期办理']) expect(out).toContain(w);
    for (const w of ['訴求', '企業', '辦理']) expect(out).not.toContain(w);
  });

  it('converts at least 50 MB/s (UTF-8 input)', () => {
    const text = SEED_EXCERPT.repeat(Math.ceil(1_000_000 / SEED_EXCERPT.length));
    const bytes = Buffer.byteLength(text);
    toSimplified(text); // warm up (builds the table)
    let best = Infinity;
    for (let r = 0; r < 8; r++) {
      const t0 = performance.now();
      const out = toSimplified(text);
      best = Math.min(best, performance.now() - t0);
      expect(out.length).toBe(text.length);
    }
    const mbPerSec = bytes / 1e6 / (best / 1000);
    expect(mbPerSec).toBeGreaterThanOrEqual(50);
  });
});

describe('t2s table', () => {
  it('is well formed: equal lengths, distinct BMP sources, no surrogates', () => {
    expect(T2S_FROM.length).toBe(T2S_TO.length);
    expect(T2S_FROM.length).toBeGreaterThan(3000);
    expect(new Set(T2S_FROM).size).toBe(T2S_FROM.length);
    for (const s of [T2S_FROM, T2S_TO]) expect(/[\ud800-\udfff]/.test(s)).toBe(false);
    for (let i = 0; i < T2S_FROM.length; i++) expect(T2S_FROM[i]).not.toBe(T2S_TO[i]);
    for (const row of T2S_PHRASES.split('|')) {
      const [a, b] = row.split(' ');
      expect(a!.length, row).toBe(b!.length);
    }
  });

  it('matches a fresh generation from opencc-js (regenerate with node scripts/gen-t2s.mjs)', async () => {
    const fresh = renderT2sTable(await buildT2sTable()) as string;
    expect(fileURLToPath(new URL('../../src/parse/t2s-table.ts', import.meta.url))).toBe(TABLE_FILE);
    expect(readFileSync(TABLE_FILE, 'utf8')).toBe(fresh);
  });
});
