import { useConsole } from '../context.ts';
import type { Supply } from '../types.ts';
import { ProblemView, Section, useApi } from '../ui.tsx';

interface MoveLimits {
  paused?: boolean;
  [k: string]: unknown;
}

/** Every configured chain; with a fund selected, its reachability (from the supply read) and move pause state. */
export function Chains() {
  const { chains, fund, can } = useConsole();
  const supply = useApi<Supply>(fund && can('supply.read') ? `/v1/funds/${fund.id}/supply` : null, 5_000);
  return (
    <Section title="Configured chains">
      <ProblemView problem={supply.error} />
      <table>
        <thead>
          <tr>
            <th scope="col">Chain</th>
            <th scope="col">Family</th>
            <th scope="col">Finality</th>
            <th scope="col">Health{fund ? ` (${fund.symbol})` : ''}</th>
            <th scope="col">Moves</th>
            <th scope="col">Capabilities</th>
          </tr>
        </thead>
        <tbody>
          {chains.map((c) => {
            const s = supply.data?.chains.find((x) => x.chain === c.chain);
            return (
              <tr key={c.chain}>
                <td>{c.chain}</td>
                <td>{c.namespace}</td>
                <td>{c.finality}</td>
                <td>{!s ? '—' : s.chainError ? `unreachable: ${s.chainError}` : s.mintsBlocked ? `mints blocked: ${s.blockedReason ?? ''}` : 'reachable'}</td>
                <td>{fund && can('moves.read') ? <Pause fundId={fund.id} chain={c.chain} /> : '—'}</td>
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

function Pause({ fundId, chain }: { fundId: string; chain: string }) {
  const limits = useApi<MoveLimits>(`/v1/funds/${fundId}/chains/${encodeURIComponent(chain)}/move-limits`);
  if (limits.error) return <span className="muted">{limits.error.status === 404 ? 'not deployed' : limits.error.title}</span>;
  if (!limits.data) return <span className="muted">…</span>;
  return <span>{limits.data.paused ? 'paused' : 'open'}</span>;
}
