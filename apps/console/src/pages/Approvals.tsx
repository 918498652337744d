import { useState } from 'react';
import { post, qs } from '../api.ts';
import { useConsole } from '../context.ts';
import type { Operation, Page } from '../types.ts';
import { Confirm, ProblemView, Section, short, useAction, useApi, when } from '../ui.tsx';
import { PageLink } from './common.tsx';

/** Maker-checker: operations waiting in `requested` for a second principal. */
export function Approvals() {
  const { fund, session } = useConsole();
  const ops = useApi<Page<Operation>>(`/v1/operations${qs({ fundId: fund?.id, state: 'requested', limit: 100 })}`, 2_000);
  const [pending, setPending] = useState<Operation>();
  const approve = useAction((id: string) => post<Operation>(`/v1/operations/${id}/approve`));
  return (
    <Section title="Waiting for approval">
      <p className="muted">
        An operation over the fund's threshold needs a different key than the one that requested it (you are {session.keyId}). There is no reject route in the
        API yet: an unapproved operation simply stays requested.
      </p>
      <ProblemView problem={ops.error ?? approve.error} />
      {approve.result && (
        <p role="status">
          Approved {approve.result.id}: now {approve.result.state}.
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">Operation</th>
            <th scope="col">Kind</th>
            <th scope="col">Chain</th>
            <th scope="col">Units</th>
            <th scope="col">Requested by</th>
            <th scope="col">At</th>
            <th scope="col">
              <span className="sr-only">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {ops.data?.items.length === 0 && (
            <tr>
              <td colSpan={7}>Nothing waiting.</td>
            </tr>
          )}
          {ops.data?.items.map((o) => (
            <tr key={o.id}>
              <td>
                <PageLink page="operations" params={{ id: o.id }}>
                  {short(o.id, 12)}
                </PageLink>
              </td>
              <td>{o.kind}</td>
              <td>{o.chain}</td>
              <td className="num">{String(o.body.units ?? '')}</td>
              <td>{o.requestedBy}</td>
              <td>{when(o.createdAt)}</td>
              <td>
                <button
                  type="button"
                  onClick={() => setPending(o)}
                  disabled={o.requestedBy === session.keyId}
                  title={o.requestedBy === session.keyId ? 'the requester cannot approve' : undefined}
                >
                  Approve
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Confirm
        open={!!pending}
        title="Approve this operation?"
        consequence={
          pending
            ? `The ${pending.kind} of ${String(pending.body.units ?? '')} units on ${pending.chain} will be signed and broadcast. It cannot be recalled once on chain.`
            : ''
        }
        confirmLabel="Approve and send"
        onCancel={() => setPending(undefined)}
        onConfirm={async () => {
          const id = pending!.id;
          setPending(undefined);
          if (await approve.run(id)) ops.reload();
        }}
      />
    </Section>
  );
}
