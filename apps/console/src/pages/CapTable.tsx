import { useState } from 'react';
import { qs } from '../api.ts';
import type { CapTableEntry, Fund, HolderCounts } from '../types.ts';
import { Field, Loading, ProblemView, Section, short, useApi } from '../ui.tsx';
import { ChainSelect, PageLink, WithFund } from './common.tsx';

const PAGE = 100;

export function CapTable({ params }: { params: URLSearchParams }) {
  return <WithFund>{(fund) => <Table fund={fund} initialQ={params.get('q') ?? ''} />}</WithFund>;
}

/**
 * Keyset pages of 100 investors (the API's cursor is the last investor id): the browser holds one
 * page at a time whatever the number of holders. The cursors of earlier pages are kept for "Previous".
 */
function Table({ fund, initialQ }: { fund: Fund; initialQ: string }) {
  const [chain, setChain] = useState('');
  const [q, setQ] = useState(initialQ);
  const [search, setSearch] = useState(initialQ);
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const page = useApi<{ items: CapTableEntry[]; nextCursor: string | null; counts: HolderCounts }>(
    `/v1/funds/${fund.id}/cap-table${qs({ chain, q: search, limit: PAGE, cursor })}`,
  );
  const reset = () => setCursors([]);
  return (
    <Section title={`Cap table of ${fund.symbol}`}>
      <form
        className="form inline-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
          reset();
        }}
      >
        <Field label="Search (name, investor id or address)">
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </Field>
        <button type="submit">Search</button>
        <ChainSelect value={chain} onChange={(v) => (setChain(v), reset())} allowAll />
      </form>
      <ProblemView problem={page.error} />
      {page.data && (
        <p data-testid="holder-count">
          {page.data.counts.holders.toLocaleString('en-US')} holders ·{' '}
          {page.data.counts.perChain.map((c) => `${c.chain}: ${c.holders.toLocaleString('en-US')} holders, ${c.units} units`).join(' · ')}
        </p>
      )}
      {!page.data && !page.error && <Loading what="cap table" />}
      <table aria-busy={page.loading}>
        <thead>
          <tr>
            <th scope="col">Investor</th>
            <th scope="col">Total</th>
            <th scope="col">Wallets (chain: units, frozen)</th>
          </tr>
        </thead>
        <tbody>
          {page.data?.items.map((e) => (
            <tr key={e.investorId}>
              <td>
                <PageLink page="investors" params={{ id: e.investorId }}>
                  {e.legalName}
                </PageLink>{' '}
                <code className="muted">{short(e.investorId, 8)}</code>
              </td>
              <td className="num">{e.total}</td>
              <td>
                {e.wallets.map((w) => (
                  <div key={w.walletId}>
                    {w.chain}: <code>{short(w.address, 6)}</code> {w.units}
                    {w.frozenUnits !== '0' && <span className="warn"> ({w.frozenUnits} frozen)</span>} <span className="muted">{w.status}</span>
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button type="button" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
          Previous
        </button>
        <span className="muted">page {cursors.length + 1}</span>
        <button type="button" disabled={!page.data?.nextCursor} onClick={() => setCursors([...cursors, page.data!.nextCursor!])}>
          Next
        </button>
      </div>
    </Section>
  );
}
