import { describe, expect, it } from 'vitest';
import { queryEnum } from './openapi-enums.ts';

describe('queryEnum', () => {
  const doc = {
    paths: {
      '/v1/operations': {
        get: {
          parameters: [
            { name: 'kind', in: 'query', schema: { enum: ['mint', 'payout', 3] } },
            { name: 'kind', in: 'header', schema: { enum: ['wrong'] } },
          ],
        },
      },
    },
  };

  it("reads a query parameter's string choices", () => {
    expect(queryEnum(doc, '/v1/operations', 'kind')).toEqual(['mint', 'payout']);
  });

  it('answers nothing for a document not yet loaded or a parameter it does not name', () => {
    expect(queryEnum(undefined, '/v1/operations', 'kind')).toEqual([]);
    expect(queryEnum(doc, '/v1/operations', 'state')).toEqual([]);
    expect(queryEnum(doc, '/v1/funds', 'kind')).toEqual([]);
  });
});
