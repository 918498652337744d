import { cloneElement, useCallback, useEffect, useId, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { ApiProblem, get, type Problem } from './api.ts';

/** A GET that re-runs when `path` changes and, with `pollMs`, every so often (the live lists). */
export function useApi<T>(path: string | null, pollMs?: number): { data: T | undefined; error: Problem | undefined; reload: () => void; loading: boolean } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Problem>();
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setLoading(true);
    get<T>(path)
      .then((d) => live && (setData(d), setError(undefined)))
      .catch((e: unknown) => live && setError(toProblem(e)))
      .finally(() => live && setLoading(false));
    const t = pollMs ? setTimeout(reload, pollMs) : undefined;
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [path, tick, pollMs, reload]);
  return { data, error, reload, loading };
}

export const toProblem = (e: unknown): Problem =>
  e instanceof ApiProblem ? e.problem : { title: 'Unexpected error', status: 0, detail: e instanceof Error ? e.message : String(e) };

/** A problem+json as the API said it: title, detail, and the failing rule when there is one. */
export function ProblemView({ problem }: { problem: Problem | undefined }) {
  if (!problem) return null;
  const rule = problem.meta?.rule;
  return (
    <div role="alert" className="problem">
      <strong>{problem.title}</strong>
      {problem.code && <code className="code">{problem.code}</code>}
      {problem.detail && <p>{problem.detail}</p>}
      {typeof rule === 'string' && (
        <p>
          Failing rule: <code>{rule}</code>
          {problem.meta?.limit !== undefined && (
            <>
              {' '}
              (limit {String(problem.meta.limit)}, actual {String(problem.meta.actual)})
            </>
          )}
        </p>
      )}
      {problem.errors?.map((e, i) => (
        <p key={i}>
          <code>{e.path}</code> {e.message}
        </p>
      ))}
      {problem.requestId && <p className="muted">request {problem.requestId}</p>}
    </div>
  );
}

/** Runs an action, showing its problem (or its result) under the button. */
export function useAction<A extends unknown[], R>(fn: (...a: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Problem>();
  const [result, setResult] = useState<R>();
  const run = async (...a: A): Promise<R | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await fn(...a);
      setResult(r);
      return r;
    } catch (e) {
      setError(toProblem(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, result, setError };
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="card" aria-label={title}>
      <header className="card-head">
        <h2>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

/**
 * A labelled control. The label points at the control by id rather than wrapping it: a wrapping
 * label would fold a select's current option into the control's accessible name.
 */
export function Field({ label, children }: { label: string; children: ReactElement<{ id?: string }> }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id })}
    </div>
  );
}

export const State = ({ state }: { state: string }) => <span className={`state state-${state}`}>{state}</span>;

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

export const short = (s: string | null | undefined, n = 10): string => (!s ? '—' : s.length > n * 2 ? `${s.slice(0, n)}…${s.slice(-6)}` : s);
export const when = (iso: string | null | undefined): string => (iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 19) : '—');

/**
 * A confirmation that names the consequence; the action runs only from its button.
 * A native <dialog> opened modally: focus is trapped and Escape cancels.
 */
export function Confirm({
  open,
  title,
  consequence,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  consequence: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby="confirm-title" onCancel={onCancel} className="confirm">
      <h2 id="confirm-title">{title}</h2>
      <p>{consequence}</p>
      <div className="row">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
