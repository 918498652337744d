import { useState } from 'react';
import { get, qs } from '../api.ts';
import type { AuditEntry } from '../types.ts';
import { ProblemView, Section, short, useAction, useApi, when } from '../ui.tsx';

interface Verify {
  ok: boolean;
  count: number;
  head?: string;
  brokenAt?: string;
  reason?: string;
}

/** The hash-chained audit log, oldest first in pages of 100, and a verification of every link. */
export function Audit() {
  const [after, setAfter] = useState<string[]>([]);
  const page = useApi<{ items: AuditEntry[]; nextAfterSeq: string | null }>(`/v1/audit${qs({ afterSeq: after.at(-1), limit: 100 })}`);
  const verify = useAction(() => get<Verify>('/v1/audit/verify'));
  const v = verify.result;
  return (
    <div className="grid">
      <Section title="Hash-chain verification">
        <button type="button" onClick={() => void verify.run()} disabled={verify.busy}>
          Verify the whole chain
        </button>
        <ProblemView problem={verify.error} />
        {v && (
          <p role="status" data-testid="audit-verify" className={v.ok ? 'ok' : 'problem'}>
            {v.ok ? `Chain intact: ${v.count} entries, head ${short(v.head, 12)}` : `BROKEN at entry ${v.brokenAt}: ${v.reason}`}
          </p>
        )}
      </Section>
      <Section title="Audit log">
        <ProblemView problem={page.error} />
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">At</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Subject</th>
              <th scope="col">Hash</th>
            </tr>
          </thead>
          <tbody>
            {page.data?.items.map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td>{when(e.at)}</td>
                <td>{e.actor}</td>
                <td>{e.action}</td>
                <td>
                  <code>{short(e.subject, 12)}</code>
                </td>
                <td>
                  <code title={`prev ${e.prevHash}`}>{short(e.hash, 8)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="row">
          <button type="button" disabled={after.length === 0} onClick={() => setAfter(after.slice(0, -1))}>
            Previous
          </button>
          <button type="button" disabled={!page.data?.nextAfterSeq} onClick={() => setAfter([...after, page.data!.nextAfterSeq!])}>
            Next
          </button>
        </div>
      </Section>
    </div>
  );
}
