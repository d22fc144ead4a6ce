// Paths for output: relative POSIX paths for people and CI annotations, URIs for SARIF.
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const toSlashes = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));

/** `filePath` relative to `cwd` with `/` separators, or unchanged when outside cwd / not a path. */
export function displayPath(filePath: string, cwd: string): string {
  if (!isAbsolute(filePath)) return filePath;
  // the common case, a file below cwd without `.`, `..` or empty segments, without path.relative
  // (which resolves both paths: it showed up in profiles of 10,000-file runs)
  const prefix = cwd.endsWith(sep) ? cwd : cwd + sep;
  if (
    filePath.length > prefix.length &&
    filePath.startsWith(prefix) &&
    !filePath.endsWith(sep) &&
    !filePath.includes(`${sep}.`, prefix.length - 1) &&
    !filePath.includes(sep + sep, prefix.length - 1)
  ) {
    return toSlashes(filePath.slice(prefix.length));
  }
  const rel = relative(cwd, filePath);
  return toSlashes(rel === '' || rel.startsWith('..') || isAbsolute(rel) ? filePath : rel);
}

/** SARIF artifact location: relative to %SRCROOT% (cwd) when inside it, else an absolute file URI. */
export function artifactUri(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (!isAbsolute(filePath)) return { uri: filePath.split('/').map(encodeURIComponent).join('/') };
  const rel = relative(cwd, filePath);
  if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) {
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(filePath).href };
}

export function srcRootUri(cwd: string): string {
  const href = pathToFileURL(cwd).href;
  return href.endsWith('/') ? href : `${href}/`;
}
