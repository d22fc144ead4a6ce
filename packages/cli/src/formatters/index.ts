// Formatter registry: only the selected formatter's module is loaded.
import type { FormatName } from './names.js';
import type { Formatter } from './types.js';

export { FORMATS, isFormatName, type FormatName } from './names.js';

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case 'stylish':
      return (await import('./stylish.js')).stylish;
    case 'json':
      return (await import('./json.js')).json;
    case 'sarif':
      return (await import('./sarif.js')).sarif;
    case 'junit':
      return (await import('./junit.js')).junit;
    case 'github':
      return (await import('./github.js')).github;
  }
}
