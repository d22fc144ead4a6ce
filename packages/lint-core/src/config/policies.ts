// Policy registry for `citation-registry`: known document numbers, titles and status.
export interface PolicyEntry {
  number: string;
  title: string;
  status: 'active' | 'abolished' | 'expired' | 'amended';
  /** e.g. 宿政发〔2024〕5号 that abolished or replaced it */
  replacedBy?: string;
  note?: string;
}

export interface PolicyRegistry {
  file: string;
  entries: PolicyEntry[];
  byNumber: Map<string, PolicyEntry>;
  byTitle: Map<string, PolicyEntry>;
}
