// zod v4 compiles a fast path for object schemas with `new Function` on first use. replylint
// validates each rule, profile and list once per process, so the compile never pays off: it
// cost ~15 ms of a cold start. Imported first by the package entry.
import { z } from 'zod';

z.config({ jitless: true });
