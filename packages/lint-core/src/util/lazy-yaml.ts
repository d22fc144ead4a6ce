// The `yaml` package (source ranges, precise errors) loaded on first use only: values on the hot
// path come from js-yaml, so a start that meets no YAML error and asks for no metadata line never
// parses `yaml`'s ~160 KB. A synchronous CommonJS require keeps the callers synchronous; in the
// CLI bundle it resolves from the bundle's package (yaml is a dependency of both packages).
import { createRequire } from 'node:module';

type YamlModule = typeof import('yaml');
let mod: YamlModule | undefined;

export function yaml(): YamlModule {
  return (mod ??= createRequire(import.meta.url)('yaml') as YamlModule);
}
