import { useConsole } from '../context.ts';
import type { ChainInfo, Supply } from '../types.ts';
import { ProblemView, Section, State, useApi } from '../ui.tsx';

/** Every configured chain (GET /v1/chains): endpoint, live health, finality, capabilities, and whether the selected fund's moves are paused there. */
export function Chains() {
  const { chains, fund, can } = useConsole();
  const live = useApi<{ items: ChainInfo[] }>('/v1/chains', 10_000);
  const supply = useApi<Supply>(fund && can('supply.read') ? `/v1/funds/${fund.id}/supply` : null, 10_000);
  const list = live.data?.items ?? chains;
  return (
    <Section title="Configured chains">
      <ProblemView problem={live.error ?? supply.error} />
      <table>
        <thead>
          <tr>
            <th scope="col">Chain</th>
            <th scope="col">Endpoint</th>
            <th scope="col">Health</th>
            <th scope="col">Finality</th>
            <th scope="col">{fund ? `${fund.symbol} on this chain` : 'Fund'}</th>
            <th scope="col">Capabilities</th>
          </tr>
        </thead>
        <tbody>
          {list.map((c) => {
            const s = supply.data?.chains.find((x) => x.chain === c.chain);
            const paused = fund && c.pausedFunds?.includes(fund.id);
            return (
              <tr key={c.chain}>
                <td>
                  {c.chain} <span className="muted">({c.namespace})</span>
                </td>
                <td>
                  {c.endpoint ? (
                    <>
                      <code>{c.endpoint.url}</code>{' '}
                      <span className="muted">
                        {c.endpoint.kind}
                        {c.endpoint.local ? ', local' : ''}
                      </span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  {c.health ? <State state={c.health.status} /> : '—'} {c.health?.height && <span className="muted">at {c.health.height}</span>}
                  {c.health?.error && <span className="muted"> {c.health.error}</span>}
                </td>
                <td>{c.finality}</td>
                <td>
                  {!fund
                    ? '—'
                    : !s
                      ? 'not deployed'
                      : `${s.deploymentStatus ?? ''}${s.mintsBlocked ? `, mints blocked: ${s.blockedReason ?? ''}` : ''}${paused ? ', moves paused' : ', moves open'}`}
                </td>
                <td className="caps">
                  {Object.entries(c.capabilities)
                    .filter(([, v]) => v === true)
                    .map(([k]) => k)
                    .join(', ')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Section>
  );
}
