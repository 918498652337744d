import { createDb } from '../src/db.ts';
const url = 'postgres://postgres@127.0.0.1:5432/fiscus_race1';
const r = await Promise.allSettled(Array.from({ length: 4 }, () => createDb({ url })));
for (const x of r) { console.log(x.status, x.status === 'rejected' ? String((x.reason as any).cause?.message ?? x.reason) : ''); if (x.status === 'fulfilled') await x.value.close(); }
