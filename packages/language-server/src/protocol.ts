// Custom requests of the replylint language server (used by the VS Code extension's commands;
// any client may send them). Plain JSON, no LSP types beyond the document identifier.
import { RequestType } from 'vscode-languageserver';

export interface DocumentParams {
  textDocument: { uri: string };
}

/** `replylint/template`: the reply template as an editor snippet (the same as the completion item). */
export interface TemplateResult {
  snippet: string;
}
export const TemplateRequest = new RequestType<DocumentParams, TemplateResult, void>('replylint/template');

export interface DeadlineRow {
  /** 签收、办结… */
  name: string;
  /** Beijing time, human readable (2024年9月30日 17:00), or null when the document sets no limit. */
  due: string | null;
  /** Time left (or overdue) at `at`, or the document's note when there is no due time. */
  left: string;
  overdue: boolean;
}

/**
 * `replylint/deadlines`: the ticket's deadlines from the reply's front matter. `error` (Chinese)
 * says why there are none: not a reply the server checks, no dispatch time, no table for the profile…
 */
export interface DeadlinesResult {
  /** The document and clause that set the limits (宿州经开区方案（宿开秘〔2021〕30号）三(三)3…). */
  document?: string;
  profile?: string;
  /** Time left is counted to the reply time when the front matter has one, else to now. */
  at?: 'replied' | 'now';
  rows: DeadlineRow[];
  /** Set when a due time depends on a year without a published holiday notice. */
  provisional?: string;
  error?: string;
}
export const DeadlinesRequest = new RequestType<DocumentParams, DeadlinesResult, void>('replylint/deadlines');

/**
 * `replylint/redact`: the public version of the reply (handler's name and phones masked, the
 * requester's details from the front matter removed), what was masked (masked values only), or
 * `error` (Chinese) when the citizen's or handler's data cannot be read and no version is made.
 */
export interface RedactResult {
  text?: string;
  /** One line per masked place: 第 3 行第 5 列 承办人姓名 → 王* */
  masked: string[];
  error?: string;
}
export const RedactRequest = new RequestType<DocumentParams, RedactResult, void>('replylint/redact');
