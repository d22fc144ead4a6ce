// Shared zod pieces for kind options.
import { z } from 'zod';
import { patternError } from '../match/index.js';

/** A regex source (macros allowed) that must compile. */
export const patternSchema = z.string().min(1).superRefine((src, ctx) => {
  const err = patternError(src);
  if (err) ctx.addIssue({ code: 'custom', message: `正则表达式无效：${err}` });
});

export const scopeSchema = z.enum(['sentence', 'block', 'document']);
export type Scope = z.infer<typeof scopeSchema>;
