import { useState } from 'react';
import { txLink, useConsole } from '../context.ts';
import { qs } from '../api.ts';
import { queryEnum, type OpenApiDocument } from '../openapi-enums.ts';
import type { Operation, Page } from '../types.ts';
import { Field, Loading, ProblemView, Section, short, State, useApi, when } from '../ui.tsx';
import { ChainSelect, PageLink } from './common.tsx';

export function Operations({ params }: { params: URLSearchParams }) {
  const id = params.get('id');
  return id ? <OperationDetail id={id} /> : <OperationList />;
}

function OperationList() {
  const { fund } = useConsole();
  const [f, setF] = useState({ chain: '', kind: '', state: '' });
  const [cursor, setCursor] = useState<string | undefined>();
  const doc = useApi<OpenApiDocument>('/openapi.json');
  const kinds = queryEnum(doc.data, '/v1/operations', 'kind');
  const states = queryEnum(doc.data, '/v1/operations', 'state');
  // Polled every 2 s: the live list.
  const ops = useApi<Page<Operation>>(`/v1/operations${qs({ fundId: fund?.id, chain: f.chain, kind: f.kind, state: f.state, limit: 50, cursor })}`, 2_000);
  const set = (k: keyof typeof f) => (v: string) => (setF({ ...f, [k]: v }), setCursor(undefined));
  return (
    <Section title="Operations (live)">
      <div className="form inline-form" role="search">
        <ChainSelect value={f.chain} onChange={set('chain')} allowAll />
        <Field label="Kind">
          <select value={f.kind} onChange={(e) => set('kind')(e.target.value)}>
            <option value="">all kinds</option>
            {kinds.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </Field>
        <Field label="State">
          <select value={f.state} onChange={(e) => set('state')(e.target.value)}>
            <option value="">all states</option>
            {states.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </Field>
      </div>
      <ProblemView problem={ops.error} />
      {!ops.data && !ops.error && <Loading what="operations" />}
      <table>
        <thead>
          <tr>
            <th scope="col">Operation</th>
            <th scope="col">Kind</th>
            <th scope="col">Chain</th>
            <th scope="col">State</th>
            <th scope="col">Units</th>
            <th scope="col">Tx</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {ops.data?.items.map((o) => (
            <tr key={o.id} data-operation={o.id}>
              <td>
                <PageLink page="operations" params={{ id: o.id }}>
                  {short(o.id, 12)}
                </PageLink>
              </td>
              <td>{o.kind}</td>
              <td>{o.chain}</td>
              <td>
                <State state={o.state} />
                {o.lastError && <span className="muted"> {o.lastError.code}</span>}
              </td>
              <td className="num">{typeof o.body.units === 'string' ? o.body.units : ''}</td>
              <td>
                <code>{short(o.txHash)}</code>
              </td>
              <td>{when(o.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {ops.data?.nextCursor && (
        <button type="button" onClick={() => setCursor(ops.data!.nextCursor!)}>
          Older
        </button>
      )}
    </Section>
  );
}

export function OperationDetail({ id }: { id: string }) {
  const { chains } = useConsole();
  const op = useApi<Operation>(`/v1/operations/${id}`, 1_500);
  const o = op.data;
  const link = o ? txLink(chains, o.chain, o.txHash, o.explorerUrl) : null;
  return (
    <Section title={`Operation ${id}`} actions={<PageLink page="operations">All operations</PageLink>}>
      <ProblemView problem={op.error} />
      {o && (
        <>
          <dl className="stats">
            <div>
              <dt>State</dt>
              <dd data-testid="operation-state">
                <State state={o.state} />
              </dd>
            </div>
            <div>
              <dt>Kind</dt>
              <dd>{o.kind}</dd>
            </div>
            <div>
              <dt>Chain</dt>
              <dd>{o.chain}</dd>
            </div>
            <div>
              <dt>Transaction</dt>
              <dd>
                <code>{o.txHash ?? '—'}</code>{' '}
                {link && (
                  <a href={link} target="_blank" rel="noreferrer">
                    explorer
                  </a>
                )}
              </dd>
            </div>
            <div>
              <dt>Block</dt>
              <dd>{o.block ?? '—'}</dd>
            </div>
            <div>
              <dt>Requested / approved by</dt>
              <dd>
                {o.requestedBy ?? '—'} / {o.approvedBy ?? '—'}
              </dd>
            </div>
          </dl>
          {o.lastError && (
            <p role="alert" className="problem">
              <strong>{o.lastError.code}</strong> {o.lastError.message}
            </p>
          )}
          <h3>State history</h3>
          <ol className="history">
            {o.history?.map((h, i) => (
              <li key={i}>
                {when(h.at)}: {h.from ?? '∅'} → <State state={h.to} />
                {h.detail && Object.keys(h.detail).length > 0 && <code className="muted"> {JSON.stringify(h.detail).slice(0, 160)}</code>}
              </li>
            ))}
          </ol>
          <h3>Body</h3>
          <pre>{JSON.stringify(o.body, null, 2)}</pre>
        </>
      )}
    </Section>
  );
}
