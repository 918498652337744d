import { bigint, timestamp } from 'drizzle-orm/pg-core';

/** Units and money are int8 read as JS bigint: never a float on the way in or out. */
export const units = (name: string) => bigint(name, { mode: 'bigint' });
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
