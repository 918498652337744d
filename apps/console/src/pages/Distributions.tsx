import { useState } from 'react';
import { post } from '../api.ts';
import { useConsole } from '../context.ts';
import { href, navigate } from '../router.ts';
import type { Fund, Page } from '../types.ts';
import { Field, ProblemView, Section, short, State, useAction, useApi, when } from '../ui.tsx';
import { PageLink, WithFund } from './common.tsx';

interface Distribution {
  id: string;
  state: string;
  recordTime: string;
  units: string | null;
  unitsPaid: string;
  holders: number | null;
  chains: { chain: string; holders: number; batchesRequested: number; batchesPosted: number; batchesFailed: number; unitsPlanned: string; unitsPaid: string }[];
  lastError: { code: string; message: string } | null;
}

export function Distributions({ params }: { params: URLSearchParams }) {
  const id = params.get('id');
  return (
    <WithFund>
      {(fund) => (
        <div className="grid">
          <List fund={fund} />
          {id && <Progress fund={fund} id={id} />}
          <Declare fund={fund} />
        </div>
      )}
    </WithFund>
  );
}

function List({ fund }: { fund: Fund }) {
  const list = useApi<Page<Distribution>>(`/v1/funds/${fund.id}/distributions?limit=50`, 3_000);
  return (
    <Section title="Distributions">
      <ProblemView problem={list.error} />
      <table>
        <thead>
          <tr>
            <th scope="col">Distribution</th>
            <th scope="col">State</th>
            <th scope="col">Record time</th>
            <th scope="col">Units paid / declared</th>
            <th scope="col">Holders</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.items.length === 0 && (
            <tr>
              <td colSpan={5}>None yet.</td>
            </tr>
          )}
          {list.data?.items.map((d) => (
            <tr key={d.id}>
              <td>
                <PageLink page="distributions" params={{ id: d.id }}>
                  {short(d.id, 12)}
                </PageLink>
              </td>
              <td>
                <State state={d.state} />
              </td>
              <td>{when(d.recordTime)}</td>
              <td className="num">
                {d.unitsPaid} / {d.units ?? '—'}
              </td>
              <td>{d.holders ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

function Declare({ fund }: { fund: Fund }) {
  const { can } = useConsole();
  const [units, setUnits] = useState('');
  const create = useAction((body: unknown) => post<{ distribution: Distribution }>(`/v1/funds/${fund.id}/distributions`, body));
  if (!can('distributions.create')) return null;
  return (
    <Section title="Distribute yield (new units, pro rata)">
      <form
        className="form inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await create.run({ recordTime: new Date().toISOString(), units: units.trim() });
          if (r) navigate(href('distributions', { fund: fund.id, id: r.distribution.id }));
        }}
      >
        <Field label="Units to distribute">
          <input value={units} onChange={(e) => setUnits(e.target.value)} required inputMode="decimal" />
        </Field>
        <button type="submit" disabled={create.busy}>
          Distribute now
        </button>
        <ProblemView problem={create.error} />
      </form>
    </Section>
  );
}

function Progress({ fund, id }: { fund: Fund; id: string }) {
  const d = useApi<Distribution>(`/v1/funds/${fund.id}/distributions/${id}`, 2_000);
  const x = d.data;
  return (
    <Section title={`Distribution ${id}`}>
      <ProblemView problem={d.error} />
      {x && (
        <>
          <p>
            <State state={x.state} /> · record time {when(x.recordTime)} · {x.unitsPaid} of {x.units ?? '?'} units paid to {x.holders ?? '?'} holders
          </p>
          {x.lastError && (
            <p className="problem">
              {x.lastError.code}: {x.lastError.message}
            </p>
          )}
          <table>
            <thead>
              <tr>
                <th scope="col">Chain</th>
                <th scope="col">Holders</th>
                <th scope="col">Batches posted / requested (failed)</th>
                <th scope="col">Units paid / planned</th>
              </tr>
            </thead>
            <tbody>
              {x.chains.map((c) => (
                <tr key={c.chain}>
                  <td>{c.chain}</td>
                  <td>{c.holders}</td>
                  <td>
                    <progress max={Math.max(c.batchesRequested, 1)} value={c.batchesPosted} aria-label={`${c.chain} batches posted`} /> {c.batchesPosted} /{' '}
                    {c.batchesRequested} ({c.batchesFailed})
                  </td>
                  <td className="num">
                    {c.unitsPaid} / {c.unitsPlanned}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Section>
  );
}
