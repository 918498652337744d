import { useState, type FormEvent } from 'react';
import { post } from '../api.ts';
import { useConsole } from '../context.ts';
import { href, navigate } from '../router.ts';
import type { Fund, Operation } from '../types.ts';
import { Field, ProblemView, Section, State, useAction, useApi } from '../ui.tsx';
import { ChainSelect, PageLink } from './common.tsx';

interface Deployment {
  chain: string;
  status: string;
  operationId?: string | null;
  [k: string]: unknown;
}

export function Funds() {
  const { funds, fund, can, reloadFunds } = useConsole();
  const [form, setForm] = useState({ name: '', symbol: '', decimals: '6', mintApprovalThreshold: '' });
  const create = useAction((body: unknown) => post<Fund>('/v1/funds', body));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f = await create.run({
      name: form.name,
      symbol: form.symbol,
      decimals: Number(form.decimals),
      ...(form.mintApprovalThreshold ? { mintApprovalThreshold: form.mintApprovalThreshold } : {}),
    });
    if (f) {
      reloadFunds();
      navigate(href('funds', { fund: f.id }));
    }
  };
  return (
    <div className="grid">
      <Section title="Funds">
        <table>
          <thead>
            <tr>
              <th scope="col">Symbol</th>
              <th scope="col">Name</th>
              <th scope="col">Decimals</th>
              <th scope="col">Mint approval above</th>
            </tr>
          </thead>
          <tbody>
            {funds.map((f) => (
              <tr key={f.id} aria-current={f.id === fund?.id ? 'true' : undefined}>
                <td>
                  <PageLink page="funds" params={{ fund: f.id }}>
                    {f.symbol}
                  </PageLink>
                </td>
                <td>{f.name}</td>
                <td>{f.decimals}</td>
                <td>{f.mintApprovalThreshold ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      {can('funds.create') && (
        <Section title="Create a fund">
          <form onSubmit={submit} className="form">
            <Field label="Name">
              <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required />
            </Field>
            <Field label="Symbol">
              <input value={form.symbol} onChange={(e) => setForm({ ...form, symbol: e.target.value.toUpperCase() })} required />
            </Field>
            <Field label="Decimals">
              <input type="number" min={0} max={7} value={form.decimals} onChange={(e) => setForm({ ...form, decimals: e.target.value })} />
            </Field>
            <Field label="Mint approval threshold (units, optional)">
              <input value={form.mintApprovalThreshold} onChange={(e) => setForm({ ...form, mintApprovalThreshold: e.target.value })} />
            </Field>
            <button type="submit" disabled={create.busy}>
              Create fund
            </button>
            <ProblemView problem={create.error} />
          </form>
        </Section>
      )}
      {fund && <Deployments fund={fund} />}
    </div>
  );
}

function Deployments({ fund }: { fund: Fund }) {
  const { can } = useConsole();
  const list = useApi<{ items: Deployment[] }>(`/v1/funds/${fund.id}/deployments`, 2_000);
  const [chain, setChain] = useState('');
  const deploy = useAction((c: string) => post<{ operation: Operation }>(`/v1/funds/${fund.id}/deployments`, { chain: c }));
  return (
    <Section title={`Deployments of ${fund.symbol}`}>
      <ProblemView problem={list.error} />
      <table>
        <thead>
          <tr>
            <th scope="col">Chain</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.items.map((d) => (
            <tr key={d.chain}>
              <td>{d.chain}</td>
              <td>
                <State state={d.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {can('deployments.create') && (
        <form
          className="form inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await deploy.run(chain)) list.reload();
          }}
        >
          <ChainSelect value={chain} onChange={setChain} label="Deploy on" />
          <button type="submit" disabled={!chain || deploy.busy}>
            Deploy
          </button>
          {deploy.result && (
            <p>
              Deployment requested:{' '}
              <PageLink page="operations" params={{ id: deploy.result.operation.id }}>
                operation {deploy.result.operation.id}
              </PageLink>
            </p>
          )}
          <ProblemView problem={deploy.error} />
        </form>
      )}
    </Section>
  );
}
