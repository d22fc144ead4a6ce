// Citation detection: 《title》 and document numbers (GB/T 9704-2012 7.2.5: 发文机关代字〔年份〕序号号).

/** Canonical document number: issuer + 〔YYYY〕 + number without leading zeros + 号. */
export function normalizeDocNumber(raw: string): string {
  const m = DOCNUM_LOOSE_RE_ANCHORED.exec(raw.replace(/\s+/g, ''));
  if (!m) return raw.replace(/\s+/g, '');
  return `${m[1]}〔${m[2]}〕${String(Number(m[3]))}号`;
}

/** Any bracket style around the year, optional 第 and leading zeros. Groups: issuer, year, number. */
export const DOCNUM_LOOSE_SOURCE =
  '([\\u4e00-\\u9fa5]{1,12}?(?:发|办|函|字|办发|办函|政|委|令|秘|规|通|复|办秘)?)\\s*[〔\\[［【（(]\\s*((?:19|20)\\d{2})\\s*[〕\\]］】）)]\\s*第?\\s*(\\d{1,5})\\s*号';
const DOCNUM_LOOSE_RE_ANCHORED = new RegExp(`^${DOCNUM_LOOSE_SOURCE}$`);
