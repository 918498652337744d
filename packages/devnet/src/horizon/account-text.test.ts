import type { IncomingMessage, ServerResponse } from 'node:http';
import { Keypair } from '@stellar/stellar-sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountText } from './account-text.ts';
import { accountsForAsset } from './collections.ts';
import { LocalLedger } from './ledger.ts';
import { pageBody, pageQuery } from './paging.ts';
import { accountJson } from './records.ts';
import { routeGet } from './routes.ts';
import { LedgerState, newAccount } from './state.ts';

const BASE = 'http://127.0.0.1:8000';
const ids = Array.from({ length: 4 }, () => Keypair.random().publicKey());
const text = fc.string({ unit: 'binary', maxLength: 12 });

/** An account with everything accountJson may show, optional parts on or off. */
const account = fc.record({
  balance: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
  seq: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
  flags: fc.nat(15),
  homeDomain: fc.oneof(fc.constant(''), text),
  masterWeight: fc.nat(255),
  thresholds: fc.record({ low: fc.nat(255), med: fc.nat(255), high: fc.nat(255) }),
  signers: fc.array(fc.record({ key: fc.constantFrom(...ids), weight: fc.nat(255), sponsor: fc.option(fc.constantFrom(...ids), { nil: undefined }) }), {
    maxLength: 2,
  }),
  data: fc.array(fc.tuple(text, fc.uint8Array({ maxLength: 8 })), { maxLength: 2 }),
  sponsor: fc.option(fc.constantFrom(...ids), { nil: undefined }),
  lines: fc.array(
    fc.record({
      code: fc.constantFrom('USD', 'FUND', 'LONGCODE12'),
      balance: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
      flags: fc.nat(7),
      sponsor: fc.option(fc.constantFrom(...ids), { nil: undefined }),
    }),
    { maxLength: 3 },
  ),
});

describe('local ledger: account records as JSON text', () => {
  it('accountText is byte for byte JSON.stringify(accountJson)', () => {
    fc.assert(
      fc.property(account, (g) => {
        const state = new LedgerState();
        const a = newAccount(ids[0]!, g.balance, 7, 1_700_000_000);
        Object.assign(a, {
          seq: g.seq,
          flags: g.flags,
          homeDomain: g.homeDomain,
          masterWeight: g.masterWeight,
          thresholds: g.thresholds,
          signers: g.signers.map((s) => (s.sponsor ? s : { key: s.key, weight: s.weight })),
          data: new Map(g.data.map(([k, v]) => [k, { value: v }])),
          sponsor: g.sponsor,
        });
        state.accounts.set(a.id, a);
        for (const l of g.lines) {
          state.putTrustline({
            account: a.id,
            code: l.code,
            issuer: ids[1]!,
            balance: l.balance,
            limit: 2n ** 63n - 1n,
            flags: l.flags,
            ...(l.sponsor ? { sponsor: l.sponsor } : {}),
            lastModified: 9,
          });
        }
        expect(accountText(BASE, state, a)).toBe(JSON.stringify(accountJson(BASE, state, a)));
      }),
      { numRuns: 300 },
    );
  });

  it('serves /accounts?asset= pages as the same bytes as the records serialized as objects', () => {
    const ledger = new LocalLedger({ passphrase: 'account text' });
    const issuer = Keypair.random().publicKey();
    ledger.seedHolders(
      'FUND',
      issuer,
      Array.from({ length: 25 }, (_, i) => ({ account: Keypair.random().publicKey(), balance: BigInt(i) })),
    );
    let cursor = '';
    for (let pages = 0; pages < 4; pages++) {
      const url = new URL(`${BASE}/accounts?asset=FUND:${issuer}&limit=10${cursor && `&cursor=${cursor}`}`);
      const r = routeGet(ledger, BASE, url, { headers: {} } as IncomingMessage, {} as ServerResponse) as { status: number; raw?: Buffer };
      const q = pageQuery(url);
      const records = accountsForAsset(ledger, BASE, `FUND:${issuer}`).page!(q).map((x) => x.json as { paging_token: string });
      expect(r.raw?.toString()).toBe(JSON.stringify(pageBody(url, q, records)));
      cursor = records.at(-1)?.paging_token ?? cursor;
    }
    ledger.stop();
  });
});
