/**
 * The operator console (apps/console): its JavaScript as a browser downloads it (gzipped), and the
 * time the cap table page takes to render with 100,000 holders in the books — the API on PGlite
 * in this process, the page in Debian's Chromium (playwright-core), rows seeded straight into the
 * database. Timed from navigation to the first 100 rows on screen; then the next keyset page.
 * CONSOLE_HOLDERS overrides the count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { DEFAULT_POLICY, DriverRegistry, newId, policyToJson } from '@fiscus/core';
import { schema } from '@fiscus/ledger';
import { createTestDb, pgliteBackend } from '@fiscus/ledger/testing';
import { createTestApp } from '@fiscus/api';
import { startServer } from '../apps/api/src/server.ts';
import { CONSOLE_DIST, ensureConsoleBuild } from '../apps/console/scripts/ensure-build.ts';
import { launchChromium } from '../apps/console/test/support/browser.ts';
import type { BenchRow } from './table.ts';

const HOLDERS = Number(process.env.CONSOLE_HOLDERS ?? 100_000);
const RUNS = 5;
const CHAINS = ['memory:bench-a', 'memory:bench-b'];
const ROWS = 'section[aria-label^="Cap table"] tbody tr';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Gzipped sizes: the entry chunk index.html loads on every page, and all JavaScript (lazy chunks included). */
function bundleSizes(): { js: number; jsGzip: number; entryGzip: number; cssGzip: number } {
  const dir = join(CONSOLE_DIST, 'assets');
  const entry = /src="\/console\/assets\/([^"]+\.js)"/.exec(readFileSync(join(CONSOLE_DIST, 'index.html'), 'utf8'))?.[1];
  let js = 0;
  let jsGzip = 0;
  let entryGzip = 0;
  let cssGzip = 0;
  for (const f of readdirSync(dir)) {
    const bytes = readFileSync(join(dir, f));
    const gz = gzipSync(bytes, { level: 9 }).length;
    if (f.endsWith('.js')) {
      js += bytes.length;
      jsGzip += gz;
      if (f === entry) entryGzip = gz;
    } else if (f.endsWith('.css')) cssGzip += gz;
  }
  return { js, jsGzip, entryGzip, cssGzip };
}

/** One fund, HOLDERS investors, each with a wallet on one of two chains: chunks of 10,000 rows per statement. */
async function seed(db: Parameters<typeof createTestApp>[0]['db']): Promise<string> {
  const fundId = newId('fund');
  await db
    .insert(schema.funds)
    .values({ id: fundId, name: 'Bench Console Fund', symbol: 'BCF', decimals: 6, policy: policyToJson({ ...DEFAULT_POLICY, kycRequired: false }) });
  for (let i = 0; i < HOLDERS; i += 10_000) {
    const part = Array.from({ length: Math.min(10_000, HOLDERS - i) }, (_, k) => ({
      inv: newId('inv'),
      wal: newId('wal'),
      addr: `0x${(i + k).toString(16).padStart(40, '0')}`,
      chain: CHAINS[(i + k) % 2]!,
      units: String(1_000_000 + k),
    }));
    const list = (f: (p: (typeof part)[number]) => string) => part.map(f).join(',');
    const [inv, wal, addr, chain, units] = [list((p) => p.inv), list((p) => p.wal), list((p) => p.addr), list((p) => p.chain), list((p) => p.units)];
    await db.execute(sql`insert into investors (id, legal_name, jurisdiction, jurisdiction_numeric, investor_type, kyc_status)
      select id, 'Holder ' || id, 'US', 840, 'institutional', 'verified' from unnest(string_to_array(${inv}, ',')) as id`);
    await db.execute(sql`insert into wallets (id, investor_id, chain, address)
      select w, i, c, a from unnest(string_to_array(${wal}, ','), string_to_array(${inv}, ','), string_to_array(${chain}, ','), string_to_array(${addr}, ',')) as t(w, i, c, a)`);
    await db.execute(sql`insert into fund_wallets (fund_id, wallet_id, status, units)
      select ${fundId}, w, 'authorized', u::bigint from unnest(string_to_array(${wal}, ','), string_to_array(${units}, ',')) as t(w, u)`);
  }
  await db.execute(sql`analyze`);
  return fundId;
}

export async function benchConsole(): Promise<BenchRow[]> {
  await ensureConsoleBuild({ quiet: true });
  const size = bundleSizes();
  const handle = await createTestDb(pgliteBackend);
  const { app, adminKey } = await createTestApp({ db: handle.db, drivers: new DriverRegistry() });
  const server: Server = await new Promise((resolve) => {
    const s = startServer(app, { hostname: '127.0.0.1', port: 0, requestTimeoutMs: 60_000, headersTimeoutMs: 10_000 }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  try {
    const t0 = performance.now();
    const fundId = await seed(handle.db);
    const seedMs = performance.now() - t0;

    const apiMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const r = await fetch(`${url}/v1/funds/${fundId}/cap-table?limit=100`, { headers: { Authorization: `Bearer ${adminKey}` } });
      if (r.status !== 200) throw new Error(`cap table: ${r.status} ${await r.text()}`);
      await r.json();
      apiMs.push(performance.now() - t);
    }

    const renderMs: number[] = [];
    const nextMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A fresh page each run (no warm JS heap), signed in the way the console keeps the key: sessionStorage.
      const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
      await page.addInitScript(`sessionStorage.setItem('fiscus.apiKey', ${JSON.stringify(adminKey)})`);
      const rows = page.locator(ROWS);
      const t = performance.now();
      await page.goto(`${url}/console/cap-table?fund=${fundId}`);
      // Locators, not page functions: the console's CSP forbids eval, and bench/ type-checks without the DOM library.
      await rows.nth(99).waitFor({ timeout: 60_000 });
      renderMs.push(performance.now() - t);
      const first = await rows.first().textContent();
      const t2 = performance.now();
      await page.getByRole('button', { name: 'Next' }).click();
      await rows.first().filter({ hasNotText: first! }).waitFor({ timeout: 60_000 });
      await rows.nth(99).waitFor({ timeout: 60_000 });
      nextMs.push(performance.now() - t2);
      await page.close();
    }
    const note = `${HOLDERS.toLocaleString('en-US')} holders on PGlite, median of ${RUNS}`;
    return [
      {
        bench: 'console',
        metric: 'JavaScript, gzipped (all chunks)',
        value: `${(size.jsGzip / 1024).toFixed(1)} KiB`,
        note: `${(size.js / 1024).toFixed(0)} KiB raw; CSS ${(size.cssGzip / 1024).toFixed(1)} KiB gzipped`,
      },
      {
        bench: 'console',
        metric: 'JavaScript, gzipped (entry: every page)',
        value: `${(size.entryGzip / 1024).toFixed(1)} KiB`,
        note: 'the overview loads Chart.js in its own chunk',
      },
      {
        bench: 'console',
        metric: 'cap table page: navigation → 100 rows',
        value: `${median(renderMs).toFixed(0)} ms`,
        note: `${note}; cold page, Chromium headless`,
      },
      { bench: 'console', metric: 'cap table: next page → rows', value: `${median(nextMs).toFixed(0)} ms`, note },
      { bench: 'console', metric: 'cap table API call (limit 100)', value: `${median(apiMs).toFixed(0)} ms`, note: `${note}; of which the page waits on this` },
      {
        bench: 'console',
        metric: 'seed (direct SQL)',
        value: `${(seedMs / 1000).toFixed(1)} s`,
        note: `${HOLDERS.toLocaleString('en-US')} investors + wallets + positions`,
      },
    ];
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.close(() => r()));
    await handle.cleanup();
  }
}
