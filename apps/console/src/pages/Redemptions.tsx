import { useState } from 'react';
import { qs } from '../api.ts';
import { useConsole } from '../context.ts';
import type { Fund, Page } from '../types.ts';
import { Field, ProblemView, Section, short, State, useApi, when } from '../ui.tsx';
import { WithFund } from './common.tsx';

interface Redemption {
  id: string;
  investorId: string | null;
  chain: string;
  source: string;
  units: string;
  usd: string | null;
  state: string;
  payoutStatus: string;
  queuePosition: number | null;
  createdAt: string;
  settledAt: string | null;
}
interface Rules {
  minRedemptionUsd: string;
  dailyLiquidityUsd: string | null;
  payoutAccount: string;
}

export function Redemptions() {
  return <WithFund>{(fund) => <Queue fund={fund} />}</WithFund>;
}

const today = () => new Date().toISOString().slice(0, 10);

function Queue({ fund }: { fund: Fund }) {
  const { can } = useConsole();
  const [state, setState] = useState('pending');
  const list = useApi<Page<Redemption>>(`/v1/funds/${fund.id}/redemptions${qs({ state, limit: 100 })}`, 3_000);
  const settled = useApi<Page<Redemption>>(`/v1/funds/${fund.id}/redemptions${qs({ state: 'settled', limit: 200 })}`, 5_000);
  const rules = useApi<Rules>(can('redemptions.read') ? `/v1/funds/${fund.id}/redemption-rules` : null);
  // Today's paid-out USD from the settled list's first page (newest first): the daily limit used.
  const usedToday = (settled.data?.items ?? []).filter((r) => r.settledAt?.startsWith(today())).reduce((a, r) => a + Number(r.usd ?? 0), 0);
  return (
    <div className="grid">
      <Section title="Daily liquidity">
        <ProblemView problem={rules.error} />
        <dl className="stats">
          <div>
            <dt>Daily limit</dt>
            <dd>{rules.data ? (rules.data.dailyLiquidityUsd ? `$${rules.data.dailyLiquidityUsd}` : 'unlimited') : '—'}</dd>
          </div>
          <div>
            <dt>Used today (UTC)</dt>
            <dd>${usedToday.toFixed(2)}</dd>
          </div>
          <div>
            <dt>Minimum redemption</dt>
            <dd>{rules.data ? `$${rules.data.minRedemptionUsd}` : '—'}</dd>
          </div>
        </dl>
      </Section>
      <Section title="Redemption queue">
        <Field label="State">
          <select value={state} onChange={(e) => setState(e.target.value)}>
            {['requested', 'pending', 'settled', 'rejected_min_size', 'unmatched', 'failed'].map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </Field>
        <ProblemView problem={list.error} />
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Redemption</th>
              <th scope="col">Investor</th>
              <th scope="col">Chain</th>
              <th scope="col">Units</th>
              <th scope="col">USD</th>
              <th scope="col">State</th>
              <th scope="col">Payout</th>
              <th scope="col">Requested</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.items.map((r) => (
              <tr key={r.id}>
                <td>{r.queuePosition ?? ''}</td>
                <td>
                  <code>{short(r.id, 10)}</code>
                </td>
                <td>
                  <code>{short(r.investorId, 8)}</code>
                </td>
                <td>{r.chain}</td>
                <td className="num">{r.units}</td>
                <td className="num">{r.usd ?? '—'}</td>
                <td>
                  <State state={r.state} />
                </td>
                <td>{r.payoutStatus}</td>
                <td>{when(r.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </div>
  );
}
