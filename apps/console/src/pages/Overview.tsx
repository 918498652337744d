import { useMemo } from 'react';
import { ChartView } from '../Chart.tsx';
import { useConsole } from '../context.ts';
import { mulDecimal, toNumber } from '../decimal.ts';
import type { Attestation, Fund, Halt, NavState, Supply } from '../types.ts';
import { Loading, ProblemView, Section, State, useApi, when } from '../ui.tsx';
import { WithFund } from './common.tsx';

export function Overview() {
  return <WithFund>{(fund) => <FundOverview fund={fund} />}</WithFund>;
}

function FundOverview({ fund }: { fund: Fund }) {
  const { can } = useConsole();
  const supply = useApi<Supply>(can('supply.read') ? `/v1/funds/${fund.id}/supply` : null, 3_000);
  const nav = useApi<NavState>(can('nav.read') ? `/v1/funds/${fund.id}/nav?limit=50` : null);
  const halts = useApi<{ items: Halt[] }>(can('moves.read') ? `/v1/funds/${fund.id}/halts` : null, 5_000);
  const att = useApi<Attestation>(can('attestations.read') ? `/v1/funds/${fund.id}/attestations/latest` : null);
  const s = supply.data;
  const chainLabels = useMemo(() => s?.chains.map((c) => c.chain) ?? [], [s]);
  const supplySeries = useMemo(() => [{ label: 'ledger units', values: s?.chains.map((c) => toNumber(c.ledgerSupply)) ?? [] }], [s]);
  const history = useMemo(() => [...(nav.data?.history ?? [])].reverse(), [nav.data]);
  const navLabels = useMemo(() => history.map((h) => `#${h.round}`), [history]);
  const navSeries = useMemo(() => [{ label: 'NAV (USD)', values: history.map((h) => toNumber(h.nav)) }], [history]);
  const alerts = [
    ...(halts.data?.items.filter((h) => !h.clearedAt).map((h) => `Halt: ${h.reason} since ${when(h.createdAt as string)}`) ?? []),
    ...(s?.chains.filter((c) => c.inSync === false).map((c) => `Drift on ${c.chain}: ledger ${c.ledgerSupply}, chain ${c.chainSupply}`) ?? []),
    ...(s?.chains.filter((c) => c.mintsBlocked).map((c) => `Mints blocked on ${c.chain}: ${c.blockedReason ?? ''}`) ?? []),
    ...(s?.chains.filter((c) => c.chainError).map((c) => `${c.chain} unreachable: ${c.chainError}`) ?? []),
    ...(s && !s.invariantHolds ? ['Supply invariant broken: Σ chains + transit ≠ units outstanding'] : []),
  ];
  const navText = nav.data?.current?.nav;
  return (
    <div className="grid">
      <Section title="Units outstanding">
        <ProblemView problem={supply.error} />
        {!s && !supply.error && <Loading what="supply" />}
        {s && (
          <dl className="stats">
            <div>
              <dt>Outstanding</dt>
              <dd data-testid="units-outstanding">
                {s.unitsOutstanding} {fund.symbol}
              </dd>
            </div>
            <div>
              <dt>In transit (moves)</dt>
              <dd>{s.transit}</dd>
            </div>
            <div>
              <dt>Invariant</dt>
              <dd>{s.invariantHolds ? 'holds' : 'BROKEN'}</dd>
            </div>
            <div>
              <dt>NAV</dt>
              <dd>{navText ?? '—'}</dd>
            </div>
          </dl>
        )}
      </Section>
      <Section title="Alerts">
        <ProblemView problem={halts.error} />
        {alerts.length === 0 ? (
          <p className="ok">No halts, drifts or blocked chains.</p>
        ) : (
          <ul className="alerts">
            {alerts.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        )}
      </Section>
      {s && (
        <Section title="Supply per chain">
          <ChartView kind="bar" title="Supply per chain" labels={chainLabels} series={supplySeries} />
        </Section>
      )}
      {s && (
        <Section title="Ledger vs chain">
          <table>
            <thead>
              <tr>
                <th scope="col">Chain</th>
                <th scope="col">Ledger</th>
                <th scope="col">On chain</th>
                <th scope="col">In sync</th>
                <th scope="col">Last reconciliation</th>
              </tr>
            </thead>
            <tbody>
              {s.chains.map((c) => (
                <tr key={c.chain}>
                  <td>{c.chain}</td>
                  <td className="num">{c.ledgerSupply}</td>
                  <td className="num">{c.chainSupply ?? c.chainError ?? '—'}</td>
                  <td>{c.inSync === null ? '—' : c.inSync ? 'yes' : 'NO'}</td>
                  <td>
                    {c.lastReconciliation ? (
                      <>
                        <State state={String(c.lastReconciliation.status)} /> {when(c.lastReconciliation.createdAt as string)}
                      </>
                    ) : (
                      'none yet'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      )}
      <Section title="Reserves vs outstanding × NAV">
        <ProblemView problem={att.error?.status === 404 ? undefined : att.error} />
        <dl className="stats">
          <div>
            <dt>Outstanding × NAV now</dt>
            <dd>{s && navText ? `$${mulDecimal(s.unitsOutstanding, navText)}` : '—'}</dd>
          </div>
          <div>
            <dt>Reserves (last attestation)</dt>
            <dd>{att.data ? `$${String((att.data.body.reserves as { totalUsd?: string })?.totalUsd ?? '—')}` : 'no attestation yet'}</dd>
          </div>
          <div>
            <dt>Required then</dt>
            <dd>{att.data ? `$${String((att.data.body.required as { usd?: string })?.usd ?? '—')}` : '—'}</dd>
          </div>
          <div>
            <dt>Covered</dt>
            <dd>{att.data ? (att.data.ok ? 'yes' : 'SHORT') : '—'}</dd>
          </div>
        </dl>
      </Section>
      {history.length > 0 && (
        <Section title="NAV history">
          <ChartView kind="line" title="NAV history" labels={navLabels} series={navSeries} />
        </Section>
      )}
    </div>
  );
}
