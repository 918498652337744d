import { post } from '../api.ts';
import { useConsole } from '../context.ts';
import type { Attestation, Fund, Page } from '../types.ts';
import { ProblemView, Section, short, useAction, useApi, when } from '../ui.tsx';
import { WithFund } from './common.tsx';

export function Attestations() {
  return <WithFund>{(fund) => <Latest fund={fund} />}</WithFund>;
}

function Latest({ fund }: { fund: Fund }) {
  const { can } = useConsole();
  const latest = useApi<Attestation>(`/v1/funds/${fund.id}/attestations/latest`);
  const history = useApi<Page<Attestation>>(`/v1/funds/${fund.id}/attestations?limit=20`);
  const keys = useApi<{ keys: { keyId: string; publicKey?: string; [k: string]: unknown }[] }>('/v1/attestations/keys');
  const create = useAction(() => post<{ attestation?: Attestation }>(`/v1/funds/${fund.id}/attestations`));
  const a = latest.data;
  return (
    <div className="grid">
      <Section
        title="Latest proof of reserves"
        actions={
          can('attestations.create') && (
            <button type="button" onClick={async () => (await create.run()) && (latest.reload(), history.reload())} disabled={create.busy}>
              Attest now
            </button>
          )
        }
      >
        <ProblemView problem={create.error} />
        {latest.error?.status === 404 ? <p>No attestation yet.</p> : <ProblemView problem={latest.error} />}
        {a && (
          <dl className="stats">
            <div>
              <dt>At</dt>
              <dd>{when(a.createdAt)}</dd>
            </div>
            <div>
              <dt>Covered</dt>
              <dd>{a.ok ? 'yes: reserves ≥ required' : 'NO: reserves short'}</dd>
            </div>
            <div>
              <dt>Units outstanding</dt>
              <dd>{String(a.body.unitsOutstandingText ?? '—')}</dd>
            </div>
            <div>
              <dt>Reserves / required</dt>
              <dd>
                ${String((a.body.reserves as { totalUsd?: string })?.totalUsd)} / ${String((a.body.required as { usd?: string })?.usd)}
              </dd>
            </div>
            <div>
              <dt>Hash (on chain)</dt>
              <dd>
                <code>{short(a.hash, 12)}</code>
              </dd>
            </div>
            <div>
              <dt>Signed by key</dt>
              <dd>
                <code>{a.keyId}</code>
              </dd>
            </div>
          </dl>
        )}
      </Section>
      <Section title="History">
        <ProblemView problem={history.error} />
        <table>
          <thead>
            <tr>
              <th scope="col">At</th>
              <th scope="col">Covered</th>
              <th scope="col">Reserves / required (USD)</th>
              <th scope="col">Hash</th>
            </tr>
          </thead>
          <tbody>
            {history.data?.items.map((h) => (
              <tr key={h.id}>
                <td>{when(h.createdAt)}</td>
                <td>{h.ok ? 'yes' : 'SHORT'}</td>
                <td className="num">
                  {String((h.body.reserves as { totalUsd?: string })?.totalUsd)} / {String((h.body.required as { usd?: string })?.usd)}
                </td>
                <td>
                  <code>{short(h.hash, 10)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title="Attestation keys">
        <ProblemView problem={keys.error} />
        <ul>
          {keys.data?.keys.map((k) => (
            <li key={k.keyId}>
              <code>{k.keyId}</code> {k.publicKey && <code className="muted">{short(String(k.publicKey), 12)}</code>}
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
