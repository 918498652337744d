import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSorted } from './sorted.ts';

describe('mergeSorted', () => {
  it('equals sorting the concatenation', () => {
    const sorted = fc.array(fc.string({ maxLength: 4 }), { maxLength: 20 }).map((xs) => [...xs].sort());
    fc.assert(
      fc.property(sorted, sorted, (a, b) => {
        expect(mergeSorted(a, b)).toEqual([...a, ...b].sort());
      }),
    );
  });
});
