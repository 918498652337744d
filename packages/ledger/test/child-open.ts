// Run by testing.int.test.ts in a child process: opens the parent's test database by its options.
import { createDb } from '../src/db.ts';
import { seedFund } from './fixtures.ts';

const database = await createDb(JSON.parse(process.argv[2] ?? '{}'));
process.stdout.write(await seedFund(database.db, 'child'));
await database.close();
