// fastField (metadata values taken without zod) must give what the zod schema gives, or defer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_SCHEMAS, fastField } from '../../src/meta/fields.js';

const KEYS = Object.keys(FIELD_SCHEMAS);

describe('fastField', () => {
  it('takes the usual values without the schema', () => {
    expect(fastField('channel', 12345)).toEqual({ data: '12345' });
    expect(fastField('type', '投诉')).toEqual({ data: 'complaint' });
    expect(fastField('handler', { name: '王磊', unit: '区城管局' })).toEqual({ data: { name: '王磊', unit: '区城管局' } });
    expect(fastField('dispatchedAt', '2024-03-12 09:30')?.data).toEqual(new Date('2024-03-12T01:30:00Z'));
    expect(fastField('type', 'complain')).toBeUndefined(); // the schema words the problem
    expect(fastField('handler', { name: 12 })).toBeUndefined();
    expect(fastField('dispatchedAt', new Date(NaN))).toBeUndefined(); // zod rejects an invalid Date
  });

  it('agrees with the zod schema whenever it answers', () => {
    const scalar = fc.oneof(
      fc.constantFrom('complaint', '投诉', 'help', 'x', '', '是', '否', '2024-03-12 09:30', '2024-02-30 09:30', '2024-03-12T09:30:00+08:00', '市长信箱'),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01') }),
    );
    const obj = fc.dictionary(fc.constantFrom('name', 'phone', 'unit', 'by', 'role', 'at', 'approvedAt', 'until', 'other'), scalar, { maxKeys: 4 });
    let answered = 0;
    fc.assert(
      fc.property(fc.constantFrom(...KEYS), fc.oneof(scalar, obj, fc.array(scalar, { maxLength: 2 })), (key, value) => {
        const fast = fastField(key, value);
        if (!fast) return;
        answered++;
        const slow = FIELD_SCHEMAS[key as keyof typeof FIELD_SCHEMAS].schema.safeParse(value);
        expect(slow.success).toBe(true);
        expect(fast.data).toEqual(slow.data);
      }),
      { numRuns: 4000 },
    );
    expect(answered).toBeGreaterThan(200);
  });
});
