import { useState, type FormEvent } from 'react';
import { post, qs } from '../api.ts';
import { useConsole } from '../context.ts';
import type { Investor, Operation, Page, Wallet } from '../types.ts';
import { Field, ProblemView, Section, State, useAction, useApi, when } from '../ui.tsx';
import { ChainSelect, PageLink } from './common.tsx';

const TYPES = ['individual', 'accredited', 'qualified_purchaser', 'institutional', 'professional'];

/** Onboarding (investor + wallets), subscriptions, and one investor's detail. */
export function Investors({ params }: { params: URLSearchParams }) {
  const id = params.get('id');
  const { can } = useConsole();
  return (
    <div className="grid">
      <InvestorList />
      {id && <InvestorDetail id={id} />}
      {can('investors.create') && <Onboard />}
      {can('subscriptions.create') && <Subscribe investorId={id ?? ''} />}
    </div>
  );
}

/** GET /v1/investors: newest first, searched by name or id (server-side), keyset-paged. */
function InvestorList() {
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const list = useApi<Page<Investor>>(`/v1/investors${qs({ q: search, limit: 20, cursor: cursors.at(-1) })}`);
  return (
    <Section title="Investors">
      <form
        className="form inline-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
          setCursors([]);
        }}
      >
        <Field label="Search investors (name or id)">
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </Field>
        <button type="submit">Search</button>
      </form>
      <ProblemView problem={list.error} />
      <table>
        <thead>
          <tr>
            <th scope="col">Investor</th>
            <th scope="col">KYC</th>
            <th scope="col">Expires</th>
            <th scope="col">Jurisdiction</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.items.map((i) => (
            <tr key={i.id}>
              <td>
                <PageLink page="investors" params={{ id: i.id }}>
                  {i.legalName}
                </PageLink>
              </td>
              <td>
                <State state={i.kycStatus} />
              </td>
              <td>{when(i.kycExpiresAt)}</td>
              <td>{i.jurisdiction}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button type="button" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
          Previous
        </button>
        <button type="button" disabled={!list.data?.nextCursor} onClick={() => setCursors([...cursors, list.data!.nextCursor!])}>
          Next
        </button>
      </div>
    </Section>
  );
}

function Onboard() {
  const { fund } = useConsole();
  const [form, setForm] = useState({ legalName: '', jurisdiction: 'US', investorType: 'institutional', kycExpiresAt: '' });
  const [investor, setInvestor] = useState<Investor>();
  const create = useAction((body: unknown) => post<Investor>('/v1/investors', body));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const inv = await create.run({ ...form, kycStatus: 'verified', kycExpiresAt: form.kycExpiresAt ? new Date(form.kycExpiresAt).toISOString() : undefined });
    if (inv) setInvestor(inv);
  };
  return (
    <Section title="Onboard an investor">
      <form onSubmit={submit} className="form">
        <Field label="Legal name">
          <input value={form.legalName} onChange={(e) => setForm({ ...form, legalName: e.target.value })} required />
        </Field>
        <Field label="Jurisdiction (ISO 3166-1)">
          <input value={form.jurisdiction} onChange={(e) => setForm({ ...form, jurisdiction: e.target.value.toUpperCase() })} required maxLength={2} />
        </Field>
        <Field label="Investor type">
          <select value={form.investorType} onChange={(e) => setForm({ ...form, investorType: e.target.value })}>
            {TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </Field>
        <Field label="KYC expires (optional)">
          <input type="date" value={form.kycExpiresAt} onChange={(e) => setForm({ ...form, kycExpiresAt: e.target.value })} />
        </Field>
        <button type="submit" disabled={create.busy}>
          Create investor (KYC verified)
        </button>
        <ProblemView problem={create.error} />
      </form>
      {investor && (
        <p>
          Created{' '}
          <PageLink page="investors" params={{ id: investor.id }}>
            <code data-testid="new-investor-id">{investor.id}</code>
          </PageLink>
          . Register its wallets below{fund ? ` for ${fund.symbol}` : ''}.
        </p>
      )}
      {investor && fund && <RegisterWallet investorId={investor.id} />}
    </Section>
  );
}

export function RegisterWallet({ investorId }: { investorId: string }) {
  const { fund } = useConsole();
  const [chain, setChain] = useState('');
  const [address, setAddress] = useState('');
  const reg = useAction((body: unknown) => post<{ wallet: Wallet; operation: Operation }>(`/v1/funds/${fund!.id}/wallets`, body));
  return (
    <form
      className="form inline-form"
      aria-label="Register a wallet"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await reg.run({ investorId, chain, address: address.trim() })) setAddress('');
      }}
    >
      <ChainSelect value={chain} onChange={setChain} />
      <Field label="Wallet address">
        <input value={address} onChange={(e) => setAddress(e.target.value)} required />
      </Field>
      <button type="submit" disabled={!chain || reg.busy}>
        Register wallet
      </button>
      {reg.result && (
        <p>
          Wallet {reg.result.wallet.address} on {reg.result.wallet.chain}:{' '}
          <PageLink page="operations" params={{ id: reg.result.operation.id }}>
            authorize operation
          </PageLink>
        </p>
      )}
      <ProblemView problem={reg.error} />
    </form>
  );
}

function Subscribe({ investorId }: { investorId: string }) {
  const { fund } = useConsole();
  const [form, setForm] = useState({ investorId, chain: '', address: '', units: '' });
  const sub = useAction((body: unknown) => post<{ operation: Operation }>(`/v1/funds/${fund!.id}/subscriptions`, body));
  if (!fund) return null;
  return (
    <Section title={`Subscribe (mint ${fund.symbol})`}>
      <form
        className="form"
        onSubmit={async (e) => {
          e.preventDefault();
          await sub.run({ ...form, investorId: form.investorId.trim(), address: form.address.trim() });
        }}
      >
        <Field label="Investor id">
          <input value={form.investorId} onChange={(e) => setForm({ ...form, investorId: e.target.value })} required />
        </Field>
        <ChainSelect value={form.chain} onChange={(chain) => setForm({ ...form, chain })} />
        <Field label="Wallet address">
          <input value={form.address} onChange={(e) => setForm({ ...form, address: e.target.value })} required />
        </Field>
        <Field label="Units">
          <input value={form.units} onChange={(e) => setForm({ ...form, units: e.target.value })} required inputMode="decimal" />
        </Field>
        <button type="submit" disabled={sub.busy || !form.chain}>
          Subscribe
        </button>
        {sub.result && (
          <p>
            Mint requested ({sub.result.operation.state}):{' '}
            <PageLink page="operations" params={{ id: sub.result.operation.id }}>
              <span data-testid="subscription-operation">{sub.result.operation.id}</span>
            </PageLink>
          </p>
        )}
        <ProblemView problem={sub.error} />
      </form>
    </Section>
  );
}

function InvestorDetail({ id }: { id: string }) {
  const { can, fund } = useConsole();
  const inv = useApi<Investor>(`/v1/investors/${id}`);
  const wallets = useApi<{ items: Wallet[] }>(`/v1/investors/${id}/wallets`, 5_000);
  const i = inv.data;
  return (
    <Section title={i ? i.legalName : `Investor ${id}`}>
      <ProblemView problem={inv.error ?? wallets.error} />
      {i && (
        <dl className="stats">
          <div>
            <dt>Id</dt>
            <dd>
              <code>{i.id}</code>
            </dd>
          </div>
          <div>
            <dt>KYC</dt>
            <dd>
              <State state={i.kycStatus} /> expires {when(i.kycExpiresAt)}
            </dd>
          </div>
          <div>
            <dt>Jurisdiction / type</dt>
            <dd>
              {i.jurisdiction} / {i.investorType}
            </dd>
          </div>
          <div>
            <dt>Since</dt>
            <dd>{when(i.createdAt)}</dd>
          </div>
        </dl>
      )}
      <h3>Wallets per chain</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Chain</th>
            <th scope="col">Address</th>
            <th scope="col">Registered</th>
          </tr>
        </thead>
        <tbody>
          {wallets.data?.items.map((w) => (
            <tr key={w.id}>
              <td>{w.chain}</td>
              <td>
                <code>{w.address}</code>
              </td>
              <td>{when(w.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {can('capTable.read') && fund && (
        <p>
          Holdings:{' '}
          <PageLink page="cap-table" params={{ q: id }}>
            in the cap table
          </PageLink>
        </p>
      )}
      {can('wallets.create') && fund && <RegisterWallet investorId={id} />}
    </Section>
  );
}
