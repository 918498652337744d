import type { ReactNode } from 'react';
import { useConsole } from '../context.ts';
import { href, navigate } from '../router.ts';
import type { Fund } from '../types.ts';
import { Field } from '../ui.tsx';

/** Pages about one fund render only once there is one. */
export function WithFund({ children }: { children: (fund: Fund) => ReactNode }) {
  const { fund, can } = useConsole();
  if (!fund)
    return (
      <p>
        No fund selected.{' '}
        {can('funds.create') && (
          <a href={href('funds')} onClick={(e) => (e.preventDefault(), navigate(href('funds')))}>
            Create one
          </a>
        )}
      </p>
    );
  return <>{children(fund)}</>;
}

export function PageLink({ page, params, children }: { page: string; params?: Record<string, string | undefined>; children: ReactNode }) {
  const { fund } = useConsole();
  const to = href(page, { fund: fund?.id, ...params });
  return (
    <a href={to} onClick={(e) => (e.preventDefault(), navigate(to))}>
      {children}
    </a>
  );
}

export function ChainSelect({
  value,
  onChange,
  label = 'Chain',
  allowAll,
}: {
  value: string;
  onChange: (v: string) => void;
  label?: string;
  allowAll?: boolean;
}) {
  const { chains } = useConsole();
  return (
    <Field label={label}>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {allowAll && <option value="">all chains</option>}
        {!allowAll && !value && <option value="">choose…</option>}
        {chains.map((c) => (
          <option key={c.chain} value={c.chain}>
            {c.chain}
          </option>
        ))}
      </select>
    </Field>
  );
}
