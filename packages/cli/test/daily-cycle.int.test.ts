import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { EXIT, main } from '../src/index.ts';
import { CHAIN, startPlatform } from './support/platform.ts';

interface Run {
  code: number;
  out: string;
  err: string;
}

const dir = mkdtempSync(join(tmpdir(), 'fiscus-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEachBackend('fiscus CLI: the daily cycle against a started platform', (backend) => {
  let p: Awaited<ReturnType<typeof startPlatform>>;
  let env: NodeJS.ProcessEnv;
  const fiscus = async (...argv: string[]): Promise<Run> => {
    let out = '';
    let err = '';
    const code = await main([...argv, '--interval-ms', '50', '--timeout-ms', '60000'], {
      env,
      io: { out: (t) => (out += t), err: (t) => (err += t), isTty: false },
    });
    return { code, out, err };
  };
  const json = async (...argv: string[]) => {
    const r = await fiscus(...argv, '--json');
    expect(r.code, `${argv.join(' ')}: ${r.err}${r.out}`).toBe(EXIT.OK);
    return JSON.parse(r.out);
  };
  let fundId: string;

  beforeAll(async () => {
    p = await startPlatform(backend);
    env = { FISCUS_API_URL: p.url, FISCUS_API_KEY: p.adminKey, FISCUS_CONFIG: join(dir, 'absent.json') };
    // Onboarding through the CLI too: a fund on the devnet chain, one investor holding 1,000 units.
    fundId = (await json('funds', 'create', '--name', 'CLI Fund', '--symbol', 'CLIF', '--decimals', '6', '--nav', '1')).id;
    await json('deployments', 'create', fundId, '--chain', CHAIN, '--wait');
    const investorId = (
      await json('investors', 'create', '--name', 'Cycle Capital', '--jurisdiction', 'US', '--type', 'institutional', '--kyc-status', 'verified')
    ).id;
    const address = p.newAddress();
    await json('wallets', 'register', fundId, '--investor', investorId, '--chain', CHAIN, '--address', address, '--wait');
    await json('subscriptions', 'create', fundId, '--investor', investorId, '--chain', CHAIN, '--address', address, '--units', '1000', '--wait');
  }, 120_000);
  afterAll(() => p?.close());

  it('in text: NAV, distribution (waited for), reconciliation, attestation', async () => {
    const nav = await fiscus('nav', 'publish', fundId, '--nav', '1.0001', '--wait');
    expect(nav.code, nav.err).toBe(EXIT.OK);
    expect(nav.out).toMatch(/^nav\s+1\.0001$/m);
    const dist = await fiscus('distributions', 'create', fundId, '--units', '10', '--wait');
    expect(dist.code, dist.err).toBe(EXIT.OK);
    expect(dist.out).toMatch(/^state\s+completed$/m);
    expect(dist.out).toMatch(/^unitsPaid\s+10$/m);
    const rec = await fiscus('reconciliations', 'run', fundId, '--chain', CHAIN, '--strict');
    expect(rec.code, rec.err).toBe(EXIT.OK);
    expect(rec.out).toMatch(new RegExp(`${CHAIN}\\s+clean\\s+1010\\s+1010\\s+0`));
    const att = await fiscus('attestations', 'create', fundId, '--wait');
    expect(att.code, att.err).toBe(EXIT.OK);
    expect(att.out).toMatch(/^ok\s+(true|false)$/m);
    const list = await fiscus('attestations', 'list', fundId);
    expect(list.out.split('\n')[0]).toMatch(/^id\s+ok\s+hash\s+keyId\s+createdAt$/);
  });

  it('in --json: the same cycle, parseable, and the results agree with the API', async () => {
    const nav = await json('nav', 'publish', fundId, '--nav', '1.0002');
    expect(nav.publication.nav).toBe('1.0002');
    const dist = await json('distributions', 'create', fundId, '--units', '5', '--wait');
    expect([dist.state, dist.unitsPaid]).toEqual(['completed', '5']);
    const rec = await json('reconciliations', 'run', fundId);
    expect(rec.items.map((r: { chain: string; status: string; ledgerSupply: string }) => [r.chain, r.status, r.ledgerSupply])).toEqual([
      [CHAIN, 'clean', '1015'],
    ]);
    const att = await json('attestations', 'create', fundId);
    const latest = await json('attestations', 'latest', fundId);
    expect(latest.id).toBe(att.attestation.id);
    expect((await json('distributions', 'list', fundId)).items.map((d: { state: string }) => d.state)).toEqual(['completed', 'completed']);
    const chains = await json('chains', 'list');
    expect(chains.items.map((c: { chain: string }) => c.chain)).toEqual([CHAIN]);
  });

  it('exit codes: usage 2, unauthenticated 3, not found 4, refused 5 (with the code), unavailable 6', async () => {
    expect((await fiscus('funds', 'explode')).code).toBe(EXIT.USAGE);
    expect((await fiscus('nav', 'publish', fundId)).code).toBe(EXIT.USAGE); // --nav missing
    expect((await fiscus('funds', 'list', '--api-key', 'fsk_nope_nopenopenopenopenope')).code).toBe(EXIT.AUTH);
    const missing = await fiscus('funds', 'get', 'fund_missing', '--json');
    expect([missing.code, JSON.parse(missing.out).error.code]).toEqual([EXIT.NOT_FOUND, 'NOT_FOUND']);
    const refused = await fiscus('nav', 'publish', fundId, '--nav', '9');
    expect([refused.code, refused.err]).toEqual([EXIT.REFUSED, expect.stringContaining('NAV_MOVE_TOO_LARGE')]);
    expect((await fiscus('funds', 'list', '--url', 'http://127.0.0.1:9')).code).toBe(EXIT.UNAVAILABLE);
  });

  it('profiles come from a config file when the env names none', async () => {
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ default: 'local', profiles: { local: { url: p.url, key: p.adminKey } } }));
    let out = '';
    const code = await main(['funds', 'get', fundId, '--json'], { env: { FISCUS_CONFIG: file }, io: { out: (t) => (out += t), err: () => {}, isTty: false } });
    expect([code, JSON.parse(out).id]).toEqual([EXIT.OK, fundId]);
    expect(await main(['funds', 'list', '--profile', 'prod'], { env: { FISCUS_CONFIG: file }, io: { out: () => {}, err: () => {}, isTty: false } })).toBe(
      EXIT.USAGE,
    );
  });
});
