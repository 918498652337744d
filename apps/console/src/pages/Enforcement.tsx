import { useState } from 'react';
import { post } from '../api.ts';
import type { Fund, Operation } from '../types.ts';
import { Confirm, Field, ProblemView, Section, useAction } from '../ui.tsx';
import { ChainSelect, PageLink, WithFund } from './common.tsx';

type Action = 'freeze' | 'unfreeze' | 'forced-transfer' | 'recovery';

const ACTIONS: Record<Action, { label: string; path: string; consequence: (f: Form, symbol: string) => string }> = {
  freeze: {
    label: 'Freeze',
    path: 'freezes',
    consequence: (f, s) =>
      `${f.units ? `${f.units} ${s}` : `Every ${s} unit`} in wallet ${f.address} on ${f.chain} will be frozen: the holder can neither transfer nor redeem ${f.units ? 'them' : 'any'} until unfrozen.`,
  },
  unfreeze: {
    label: 'Unfreeze',
    path: 'unfreezes',
    consequence: (f, s) => `${f.units ? `${f.units} ${s}` : `All frozen ${s}`} in wallet ${f.address} on ${f.chain} become transferable again.`,
  },
  'forced-transfer': {
    label: 'Forced transfer',
    path: 'forced-transfers',
    consequence: (f, s) =>
      `${f.units} ${s} will be taken from ${f.address} and given to ${f.to} on ${f.chain} without the holder's signature. This is recorded in the audit log.`,
  },
  recovery: {
    label: 'Recover wallet',
    path: 'recoveries',
    consequence: (f, s) =>
      `Every ${s} unit in the lost wallet ${f.address} on ${f.chain} will move to ${f.to}, and the lost wallet will be retired for the fund.`,
  },
};

interface Form {
  chain: string;
  address: string;
  to: string;
  units: string;
}

export function Enforcement() {
  return <WithFund>{(fund) => <Forms fund={fund} />}</WithFund>;
}

function Forms({ fund }: { fund: Fund }) {
  const [action, setAction] = useState<Action>('freeze');
  const [f, setF] = useState<Form>({ chain: '', address: '', to: '', units: '' });
  const [confirming, setConfirming] = useState(false);
  const run = useAction(() => {
    const a = ACTIONS[action];
    const body =
      action === 'freeze' || action === 'unfreeze'
        ? { chain: f.chain, address: f.address.trim(), ...(f.units ? { units: f.units.trim() } : {}) }
        : action === 'forced-transfer'
          ? { chain: f.chain, from: f.address.trim(), to: f.to.trim(), units: f.units.trim() }
          : { chain: f.chain, from: f.address.trim(), to: f.to.trim() };
    return post<{ operation?: Operation; operations?: Operation[] }>(`/v1/funds/${fund.id}/${a.path}`, body);
  });
  const needsTo = action === 'forced-transfer' || action === 'recovery';
  const op = run.result?.operation ?? run.result?.operations?.[0];
  return (
    <Section title="Enforcement">
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          setConfirming(true);
        }}
      >
        <fieldset>
          <legend>Action</legend>
          {(Object.keys(ACTIONS) as Action[]).map((k) => (
            <label key={k} className="inline">
              <input type="radio" name="action" value={k} checked={action === k} onChange={() => setAction(k)} /> {ACTIONS[k].label}
            </label>
          ))}
        </fieldset>
        <ChainSelect value={f.chain} onChange={(chain) => setF({ ...f, chain })} />
        <Field label={needsTo ? 'From wallet' : 'Wallet address'}>
          <input value={f.address} onChange={(e) => setF({ ...f, address: e.target.value })} required />
        </Field>
        {needsTo && (
          <Field label="To wallet">
            <input value={f.to} onChange={(e) => setF({ ...f, to: e.target.value })} required />
          </Field>
        )}
        {action !== 'recovery' && (
          <Field label={action === 'forced-transfer' ? 'Units' : 'Units (empty = whole wallet)'}>
            <input value={f.units} onChange={(e) => setF({ ...f, units: e.target.value })} required={action === 'forced-transfer'} inputMode="decimal" />
          </Field>
        )}
        <button type="submit" className="danger" disabled={!f.chain || run.busy}>
          {ACTIONS[action].label}…
        </button>
      </form>
      {op && (
        <p role="status">
          {ACTIONS[action].label} requested:{' '}
          <PageLink page="operations" params={{ id: op.id }}>
            operation {op.id}
          </PageLink>{' '}
          ({op.state})
        </p>
      )}
      <ProblemView problem={run.error} />
      <Confirm
        open={confirming}
        title={`${ACTIONS[action].label}?`}
        consequence={ACTIONS[action].consequence(f, fund.symbol)}
        confirmLabel={`Yes, ${ACTIONS[action].label.toLowerCase()}`}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void run.run();
        }}
      />
    </Section>
  );
}
