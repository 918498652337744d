import { useState } from 'react';
import { post, qs } from '../api.ts';
import { txLink, useConsole } from '../context.ts';
import type { Fund, Move } from '../types.ts';
import { Field, ProblemView, Section, short, State, useAction, useApi, when } from '../ui.tsx';
import { ChainSelect, PageLink, WithFund } from './common.tsx';

export function Moves({ params }: { params: URLSearchParams }) {
  const id = params.get('id');
  return <WithFund>{(fund) => (id ? <MoveDetail fund={fund} id={id} /> : <MoveList fund={fund} />)}</WithFund>;
}

function MoveList({ fund }: { fund: Fund }) {
  const { can } = useConsole();
  const [state, setState] = useState('');
  const moves = useApi<{ items: Move[] }>(`/v1/funds/${fund.id}/moves${qs({ state, limit: 50 })}`, 2_000);
  return (
    <div className="grid">
      {can('moves.create') && <StartMove fund={fund} />}
      <Section title="Moves between chains">
        <Field label="State">
          <select value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">all</option>
            {['requested', 'queued', 'burning', 'burned', 'minting', 'completed', 'compensating', 'compensated', 'stranded'].map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </Field>
        <ProblemView problem={moves.error} />
        <table>
          <thead>
            <tr>
              <th scope="col">Move</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Units</th>
              <th scope="col">State</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {moves.data?.items.map((m) => (
              <tr key={m.id}>
                <td>
                  <PageLink page="moves" params={{ id: m.id }}>
                    {short(m.id, 12)}
                  </PageLink>
                </td>
                <td>{m.from.chain}</td>
                <td>{m.to.chain}</td>
                <td className="num">{m.units}</td>
                <td>
                  <State state={m.state} />
                  {m.error && <span className="muted"> {m.error.code}</span>}
                </td>
                <td>{when(m.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </div>
  );
}

function StartMove({ fund }: { fund: Fund }) {
  const [f, setF] = useState({ fromChain: '', fromWallet: '', toChain: '', toWallet: '', units: '' });
  const start = useAction((body: unknown) => post<{ move: Move }>(`/v1/funds/${fund.id}/moves`, body));
  return (
    <Section title="Start a move">
      <form
        className="form"
        onSubmit={async (e) => {
          e.preventDefault();
          await start.run({
            from: { chain: f.fromChain, wallet: f.fromWallet.trim() },
            to: { chain: f.toChain, wallet: f.toWallet.trim() },
            units: f.units.trim(),
          });
        }}
      >
        <ChainSelect label="From chain" value={f.fromChain} onChange={(fromChain) => setF({ ...f, fromChain })} />
        <Field label="From wallet">
          <input value={f.fromWallet} onChange={(e) => setF({ ...f, fromWallet: e.target.value })} required />
        </Field>
        <ChainSelect label="To chain" value={f.toChain} onChange={(toChain) => setF({ ...f, toChain })} />
        <Field label="To wallet">
          <input value={f.toWallet} onChange={(e) => setF({ ...f, toWallet: e.target.value })} required />
        </Field>
        <Field label="Units">
          <input value={f.units} onChange={(e) => setF({ ...f, units: e.target.value })} required inputMode="decimal" />
        </Field>
        <button type="submit" disabled={start.busy || !f.fromChain || !f.toChain}>
          Start move
        </button>
        {start.result && (
          <p>
            Move started:{' '}
            <PageLink page="moves" params={{ id: start.result.move.id }}>
              follow {start.result.move.id}
            </PageLink>
          </p>
        )}
        <ProblemView problem={start.error} />
      </form>
    </Section>
  );
}

function MoveDetail({ fund, id }: { fund: Fund; id: string }) {
  const { chains } = useConsole();
  const move = useApi<{ move: Move }>(`/v1/funds/${fund.id}/moves/${id}`, 1_500);
  const m = move.data?.move;
  return (
    <Section title={`Move ${id}`} actions={<PageLink page="moves">All moves</PageLink>}>
      <ProblemView problem={move.error} />
      {m && (
        <>
          <dl className="stats">
            <div>
              <dt>State</dt>
              <dd data-testid="move-state">
                <State state={m.state} />
              </dd>
            </div>
            <div>
              <dt>Units</dt>
              <dd>{m.units}</dd>
            </div>
            <div>
              <dt>From</dt>
              <dd>
                {m.from.chain} <code>{short(m.from.wallet, 8)}</code>
              </dd>
            </div>
            <div>
              <dt>To</dt>
              <dd>
                {m.to.chain} <code>{short(m.to.wallet, 8)}</code>
              </dd>
            </div>
          </dl>
          {m.error && (
            <p className="problem" role="status">
              <strong>{m.error.code}</strong> {m.error.message}
            </p>
          )}
          <h3>Legs</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">Leg</th>
                <th scope="col">Chain</th>
                <th scope="col">Operation</th>
                <th scope="col">State</th>
                <th scope="col">Transaction</th>
              </tr>
            </thead>
            <tbody>
              {m.legs.map((l) => {
                const link = txLink(chains, l.chain, l.txHash, l.explorerUrl);
                return (
                  <tr key={l.operationId}>
                    <td>{l.leg}</td>
                    <td>{l.chain}</td>
                    <td>
                      <PageLink page="operations" params={{ id: l.operationId }}>
                        {short(l.operationId, 12)}
                      </PageLink>
                    </td>
                    <td>
                      <State state={l.state} />
                    </td>
                    <td>
                      <code>{short(l.txHash)}</code>{' '}
                      {link && (
                        <a href={link} target="_blank" rel="noreferrer">
                          explorer
                        </a>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </Section>
  );
}
