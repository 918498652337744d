import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newMemAddress } from '@fiscus/devnet';
import { ensureConsoleBuild } from '../scripts/ensure-build.ts';
import { CHROMIUM, launchChromium, screenshot, seriousViolations, watchErrors } from './support/browser.ts';
import { startPlatform, type Platform } from './support/platform.ts';

/**
 * The operator console in real Chromium against the real API, worker and two memchain chains:
 * the walk an issuer's operators do on day one. Each page is checked with axe-core and saved as
 * a screenshot in docs/console/ (linked from apps/console/README.md).
 */
const A = 'memory:console-a' as const;
const B = 'memory:console-b' as const;
const WAIT = { timeout: 30_000 };

describe('operator console in Chromium', () => {
  let p: Platform;
  let browser: Browser;
  let page: Page;
  let watch: ReturnType<typeof watchErrors>;
  let investorId = '';
  const wallet = { [A]: newMemAddress(), [B]: newMemAddress() };
  const a11y: Record<string, string[]> = {};

  const nav = (title: string) => page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: title, exact: true });
  async function visit(title: string) {
    await nav(title).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
  }
  /** axe + screenshot of what is on screen now. */
  async function record(name: string) {
    await page.waitForLoadState('networkidle').catch(() => {});
    a11y[name] = await seriousViolations(page);
    await screenshot(page, name);
  }
  async function signIn(key: string) {
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Pages' }).waitFor(WAIT);
  }
  async function signOut() {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').waitFor(WAIT);
  }
  const region = (name: string) => page.getByRole('region', { name });
  async function waitOperationPosted(expected = 'posted') {
    await expect.poll(() => page.getByTestId('operation-state').textContent(), WAIT).toBe(expected);
  }
  const supplyChart = () => page.getByTestId('chart-Supply per chain').getAttribute('aria-label');

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (as .ci/run does), or set CHROMIUM_PATH`);
    await ensureConsoleBuild({ quiet: true });
    p = await startPlatform([A, B]);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    watch = watchErrors(page);
    // The overview asks for the latest attestation; a fund without one answers 404 (shown as "no attestation yet").
    watch.expect4xx('/attestations/latest');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await p?.close();
  });

  it('signs in with an API key kept for the tab only; a wrong key shows the problem', async () => {
    await page.goto(`${p.url}/console`);
    await page.getByLabel('API key').waitFor(WAIT);
    await record('sign-in');
    watch.expect4xx('/v1/me');
    await page.getByLabel('API key').fill('fsk_nope_abcdefghijklmnop');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), WAIT).toContain('UNAUTHENTICATED');
    await signIn(p.adminKey);
    // A string, evaluated in the page: the DOM's globals are not in this (Node) program's types.
    expect(await page.evaluate("[sessionStorage.getItem('fiscus.apiKey'), localStorage.length]")).toEqual([p.adminKey, 0]);
  });

  it('creates a fund and deploys it on two chains', async () => {
    await visit('Funds & deployments');
    const form = region('Create a fund');
    await form.getByLabel('Name', { exact: true }).fill('Console Treasury Fund');
    await form.getByLabel('Symbol').fill('CON');
    await form.getByLabel('Mint approval threshold (units, optional)').fill('5000');
    await form.getByRole('button', { name: 'Create fund' }).click();
    const deployments = region('Deployments of CON');
    await deployments.waitFor(WAIT);
    for (const chain of [A, B]) {
      await deployments.getByLabel('Deploy on').selectOption(chain);
      await deployments.getByRole('button', { name: 'Deploy' }).click();
      await deployments.getByText('Deployment requested').waitFor(WAIT);
    }
    await expect.poll(() => deployments.getByText('active', { exact: true }).count(), WAIT).toBe(2);
    await record('funds');
  });

  it('onboards an investor with a wallet on each chain', async () => {
    await visit('Investors');
    const onboard = region('Onboard an investor');
    await onboard.getByLabel('Legal name').fill('Ada Investor LLC');
    await onboard.getByRole('button', { name: 'Create investor (KYC verified)' }).click();
    investorId = (await page.getByTestId('new-investor-id').textContent({ timeout: 30_000 }))!;
    expect(investorId).toMatch(/^inv_/);
    const register = page.getByRole('form', { name: 'Register a wallet' });
    for (const chain of [A, B]) {
      await register.getByLabel('Chain', { exact: true }).selectOption(chain);
      await register.getByLabel('Wallet address').fill(wallet[chain]);
      await register.getByRole('button', { name: 'Register wallet' }).click();
      await register.getByText(`Wallet ${wallet[chain]} on ${chain}`).waitFor(WAIT);
    }
    await visit('Operations');
    await page.getByLabel('Kind').selectOption('authorize');
    await page.getByLabel('State').selectOption('posted');
    await expect.poll(() => page.locator('tr[data-operation]').count(), WAIT).toBe(2);
    await record('operations');
  });

  it('subscribes and watches the mint reach posted', async () => {
    await visit('Investors');
    const sub = region('Subscribe (mint CON)');
    await sub.getByLabel('Investor id').fill(investorId);
    await sub.getByLabel('Chain', { exact: true }).selectOption(A);
    await sub.getByLabel('Wallet address').fill(wallet[A]);
    await sub.getByLabel('Units').fill('1000');
    await sub.getByRole('button', { name: 'Subscribe' }).click();
    await sub.getByTestId('subscription-operation').click();
    await waitOperationPosted();
    await record('operation-detail');
    await visit('Fund overview');
    await expect.poll(supplyChart, WAIT).toBe(`Supply per chain: ${A} ledger units 1000; ${B} ledger units 0`);
    expect(await page.getByTestId('units-outstanding').textContent()).toBe('1000 CON');
  });

  it('moves units between chains and the supply chart follows', async () => {
    await visit('Moves');
    const start = region('Start a move');
    await start.getByLabel('From chain').selectOption(A);
    await start.getByLabel('From wallet').fill(wallet[A]);
    await start.getByLabel('To chain').selectOption(B);
    await start.getByLabel('To wallet').fill(wallet[B]);
    await start.getByLabel('Units').fill('250');
    await start.getByRole('button', { name: 'Start move' }).click();
    await start.getByRole('link', { name: /^follow / }).click();
    await expect.poll(() => page.getByTestId('move-state').textContent(), { timeout: 60_000 }).toBe('completed');
    await record('move');
    await visit('Fund overview');
    await expect.poll(supplyChart, WAIT).toBe(`Supply per chain: ${A} ledger units 750; ${B} ledger units 250`);
  });

  it('freezes a wallet behind a confirmation naming the consequence; a move out of it is refused', async () => {
    await visit('Enforcement');
    const form = region('Enforcement');
    await form.getByLabel('Freeze', { exact: true }).check();
    await form.getByLabel('Chain', { exact: true }).selectOption(B);
    await form.getByLabel('Wallet address').fill(wallet[B]);
    await form.getByRole('button', { name: 'Freeze…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Freeze?' });
    await expect.poll(() => dialog.textContent(), WAIT).toContain(`Every CON unit in wallet ${wallet[B]} on ${B} will be frozen`);
    await record('enforcement-confirm');
    await dialog.getByRole('button', { name: 'Yes, freeze' }).click();
    await form.getByRole('link', { name: /^operation / }).click();
    await waitOperationPosted();

    await visit('Moves');
    watch.expect4xx('/moves');
    const start = region('Start a move');
    await start.getByLabel('From chain').selectOption(B);
    await start.getByLabel('From wallet').fill(wallet[B]);
    await start.getByLabel('To chain').selectOption(A);
    await start.getByLabel('To wallet').fill(wallet[A]);
    await start.getByLabel('Units').fill('10');
    await start.getByRole('button', { name: 'Start move' }).click();
    const alert = start.getByRole('alert');
    await expect.poll(() => alert.textContent(), WAIT).toContain('FROZEN');
    expect(await alert.textContent()).toContain('frozen');
    await record('moves-refused');
  });

  it('a mint over the threshold waits for a second key, which approves it', async () => {
    await visit('Investors');
    const sub = region('Subscribe (mint CON)');
    await sub.getByLabel('Investor id').fill(investorId);
    await sub.getByLabel('Chain', { exact: true }).selectOption(A);
    await sub.getByLabel('Wallet address').fill(wallet[A]);
    await sub.getByLabel('Units').fill('6000');
    await sub.getByRole('button', { name: 'Subscribe' }).click();
    const opId = (await sub.getByTestId('subscription-operation').textContent({ timeout: 30_000 }))!;
    await expect.poll(() => sub.textContent(), WAIT).toContain('Mint requested (requested)');

    await signOut();
    await signIn(await p.keyFor('compliance'));
    // What the role cannot do is not offered: compliance may not create funds or deploy.
    await visit('Funds & deployments');
    expect(await region('Create a fund').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Deploy' }).count()).toBe(0);
    await visit('Approvals');
    const row = page.getByRole('row').filter({ hasText: opId.slice(0, 12) });
    await row.getByRole('button', { name: 'Approve' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve this operation?' });
    await expect.poll(() => dialog.textContent(), WAIT).toContain('mint of 6000 units');
    await record('approvals-confirm');
    await dialog.getByRole('button', { name: 'Approve and send' }).click();
    await page.getByText(`Approved ${opId}`).waitFor(WAIT);
    await page.goto(`${p.url}/console/operations?id=${opId}&fund=${new URL(page.url()).searchParams.get('fund')}`);
    await waitOperationPosted();
  });

  it('an auditor verifies the audit log and is offered nothing it cannot do', async () => {
    await signOut();
    await signIn(await p.keyFor('auditor'));
    const links = await page.getByRole('navigation', { name: 'Pages' }).getByRole('link').allTextContents();
    expect(links).not.toContain('Enforcement');
    expect(links).not.toContain('Approvals');
    await visit('Audit log');
    await page.getByRole('button', { name: 'Verify the whole chain' }).click();
    await expect.poll(() => page.getByTestId('audit-verify').textContent(), WAIT).toMatch(/^Chain intact: \d+ entries/);
    await record('audit');
  });

  it('every page renders for the admin, with no serious accessibility violation and no console error', async () => {
    await signOut();
    await signIn(p.adminKey);
    await visit('Attestations');
    await page.getByRole('button', { name: 'Attest now' }).click();
    await page.getByText('yes: reserves ≥ required').or(page.getByText('NO: reserves short')).waitFor(WAIT);
    await record('attestations');
    for (const [title, name] of [
      ['Fund overview', 'overview'],
      ['Chains', 'chains'],
      ['Cap table', 'cap-table'],
      ['Redemptions', 'redemptions'],
      ['Distributions', 'distributions'],
      ['Investors', 'investors'],
    ] as const) {
      await visit(title);
      await record(name);
    }
    await visit('Cap table');
    await page.getByRole('link', { name: 'Ada Investor LLC' }).click();
    await page.getByRole('heading', { name: 'Ada Investor LLC' }).waitFor(WAIT);
    await record('investor-detail');

    const bad = Object.entries(a11y).filter(([, v]) => v.length > 0);
    expect(bad).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
