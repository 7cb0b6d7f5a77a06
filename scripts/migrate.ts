// npm run db:migrate — applies the migrations of the store in use (DATABASE_URL, or the embedded SQLite file).
import { migrateStore, openStore } from '../db/client';

const store = openStore();
await migrateStore(store);
await store.close();
console.log(JSON.stringify({ level: 'info', msg: 'migrated', dialect: store.dialect }));
