import { useEffect, useState } from 'react';

/** /console/<page>?fund=…&id=… — a tiny history router (the API answers index.html for any page). */
const BASE = '/console/';

export interface Route {
  page: string;
  params: URLSearchParams;
}

const read = (): Route => ({
  page: location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length).split('/')[0] || 'overview' : 'overview',
  params: new URLSearchParams(location.search),
});

export function href(page: string, params: Record<string, string | undefined> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
  const s = p.toString();
  return `${BASE}${page}${s ? `?${s}` : ''}`;
}

export function navigate(to: string): void {
  history.pushState(null, '', to);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const on = () => setRoute(read());
    addEventListener('popstate', on);
    return () => removeEventListener('popstate', on);
  }, []);
  return route;
}
