// npm run db:migrate — applies the migrations of the store in use (DATABASE_URL, or the embedded SQLite file)
// and of the API sandbox's store beside it (SANDBOX_DATABASE_URL, or derived from DATABASE_URL).
import { migrateStore, openStore, prepareSandboxStore } from '../db/client';

const store = openStore();
await migrateStore(store);
await store.close();
const sandbox = await prepareSandboxStore(process.env.DATABASE_URL);
console.log(JSON.stringify({ level: 'info', msg: 'migrated', dialect: store.dialect, sandbox: sandbox.ok ? 'migrated' : sandbox.reason }));
