import { Suspense, useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { api, get, setOnUnauthenticated, storedKey, storeKey, type Problem } from './api.ts';
import { Ctx, type ConsoleContext } from './context.ts';
import { href, navigate, useRoute } from './router.ts';
import type { ChainInfo, Fund, Page, Session } from './types.ts';
import { Field, Loading, ProblemView, toProblem, useApi } from './ui.tsx';
import { PAGES } from './pages/index.ts';

function SignIn({ onSession, problem }: { onSession: (s: Session, key: string) => void; problem?: Problem }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<Problem | undefined>(problem);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      onSession(await api<Session>('GET', '/v1/me', undefined, key.trim()), key.trim());
    } catch (err) {
      setError(toProblem(err));
    }
  };
  return (
    <main className="signin">
      <h1>Fiscus console</h1>
      <form onSubmit={submit} className="card">
        <Field label="API key">
          <input type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} placeholder="fsk_…" required />
        </Field>
        <p className="muted">Kept for this tab only (sessionStorage); closing the tab signs you out.</p>
        <button type="submit">Sign in</button>
        <ProblemView problem={error} />
      </form>
    </main>
  );
}

export function App() {
  const [session, setSession] = useState<Session>();
  const [checking, setChecking] = useState(!!storedKey());
  const [expired, setExpired] = useState<Problem>();
  useEffect(() => {
    setOnUnauthenticated(() => {
      storeKey(null);
      setSession(undefined);
      setExpired({ title: 'Signed out', status: 401, detail: 'The API no longer accepts this key (revoked?). Sign in again.' });
    });
    if (!storedKey()) return;
    get<Session>('/v1/me')
      .then(setSession)
      .catch(() => storeKey(null))
      .finally(() => setChecking(false));
  }, []);
  if (checking) return <Loading what="session" />;
  if (!session)
    return (
      <SignIn
        problem={expired}
        onSession={(s, key) => {
          storeKey(key);
          setSession(s);
        }}
      />
    );
  return (
    <Shell
      session={session}
      onSignOut={() => {
        storeKey(null);
        setSession(undefined);
      }}
    />
  );
}

function Shell({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const route = useRoute();
  const can = useMemo(() => (p: string) => session.permissions.includes(p), [session]);
  const funds = useApi<Page<Fund>>(can('funds.read') ? '/v1/funds?limit=200' : null);
  const chains = useApi<{ items: ChainInfo[] }>('/v1/chains');
  const fundId = route.params.get('fund') ?? funds.data?.items.at(-1)?.id;
  const ctx: ConsoleContext = {
    session,
    can,
    funds: funds.data?.items ?? [],
    fund: funds.data?.items.find((f) => f.id === fundId),
    chains: chains.data?.items ?? [],
    reloadFunds: funds.reload,
  };
  const visible = PAGES.filter((p) => !p.permission || can(p.permission));
  const page = visible.find((p) => p.slug === route.page) ?? visible[0];
  const link = (slug: string, label: ReactNode) => (
    <a
      href={href(slug, { fund: fundId })}
      aria-current={page?.slug === slug ? 'page' : undefined}
      onClick={(e) => {
        e.preventDefault();
        navigate(href(slug, { fund: fundId }));
      }}
    >
      {label}
    </a>
  );
  return (
    <Ctx.Provider value={ctx}>
      <div className="shell">
        <nav aria-label="Pages" className="side">
          <p className="brand">Fiscus</p>
          <ul>
            {visible.map((p) => (
              <li key={p.slug}>{link(p.slug, p.title)}</li>
            ))}
          </ul>
        </nav>
        <div className="main">
          <header className="top">
            {can('funds.read') && (
              <div className="inline">
                <label htmlFor="fund-select">Fund</label>
                <select id="fund-select" value={fundId ?? ''} onChange={(e) => navigate(href(page?.slug ?? 'overview', { fund: e.target.value }))}>
                  {ctx.funds.length === 0 && <option value="">no fund yet</option>}
                  {ctx.funds.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.symbol} — {f.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <span className="muted">
              {session.role} · {session.keyId}
            </span>
            <button type="button" onClick={onSignOut}>
              Sign out
            </button>
          </header>
          <ProblemView problem={funds.error ?? chains.error} />
          <main>
            <h1>{page?.title}</h1>
            <Suspense fallback={<Loading what="page" />}>{page ? <page.Component params={route.params} /> : <p>This key's role has no page here.</p>}</Suspense>
          </main>
        </div>
      </div>
    </Ctx.Provider>
  );
}
