// jieba-rs's TF-IDF keyword extractor (keywords/tfidf.rs), for the backends whose library does not
// expose it (wasm, js): words of 2+ characters outside the stop list, tf × idf (median idf for
// unknown words) / total. The IDF table is read only when keywords are asked for; no rule does.
import { readFileSync } from 'node:fs';

const STOP_WORDS = new Set(
  'the of is and to in that we for an are by be as on with can if from which you it this then at have all not one has or that'.split(' '),
);

interface IdfTable {
  idf: Map<string, number>;
  median: number;
}

function readIdf(file: string): IdfTable {
  const text = readFileSync(file, 'utf8');
  const idf = new Map<string, number>();
  for (const line of text.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp > 0) idf.set(line.slice(0, sp), Number(line.slice(sp + 1)));
  }
  const values = [...idf.values()].sort((a, b) => a - b);
  return { idf, median: values[Math.floor(values.length / 2)] ?? 0 };
}

/**
 * `keywords(text, topN)` over `cut` (HMM off, as jieba-rs's extractor), with the IDF table from the
 * file `idfFile()` names (called, and the file read, on the first call); `onMissing` turns a read
 * failure into the backend's error.
 */
export function tfIdfKeywords(
  cut: (text: string) => string[],
  idfFile: () => string,
  onMissing: (cause: unknown) => Error,
): (text: string, topN: number) => { keyword: string; weight: number }[] {
  let table: IdfTable | undefined;
  return (text, topN) => {
    const n = Math.floor(topN);
    if (!(n > 0) || text === '') return [];
    if (!table) {
      try {
        table = readIdf(idfFile());
      } catch (cause) {
        throw onMissing(cause);
      }
    }
    const tf = new Map<string, number>();
    let total = 0;
    for (const word of cut(text)) {
      if ([...word].length < 2 || STOP_WORDS.has(word.toLowerCase())) continue;
      tf.set(word, (tf.get(word) ?? 0) + 1);
      total++;
    }
    const { idf, median } = table;
    return [...tf]
      .map(([keyword, count]) => ({ keyword, weight: (count * (idf.get(keyword) ?? median)) / total }))
      .sort((a, b) => b.weight - a.weight || (a.keyword < b.keyword ? -1 : a.keyword > b.keyword ? 1 : 0))
      .slice(0, n);
  };
}
