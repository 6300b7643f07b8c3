/**
 * `npm run db:reset`: drops the demo database and recreates it with the migrations,
 * the reference data and the demo plan. On a DATABASE_URL server it asks for --yes.
 */
import { createDatabase, dropDatabase, migrate, seedDatabase, startDatabaseServer } from "./database";

const configured = process.env.DATABASE_URL;
if (configured && !process.argv.includes("--yes")) {
  console.error(`This would erase ${new URL(configured).pathname.slice(1)} on ${new URL(configured).host}. Re-run with --yes to confirm.`);
  process.exit(1);
}
const server = await startDatabaseServer("app");
const name = configured ? new URL(configured).pathname.slice(1) : "pacte";
try {
  await dropDatabase(server, name);
  const url = await createDatabase(server, name);
  await migrate(url);
  await seedDatabase(url);
  console.log(`Base ${name} réinitialisée avec les données de démonstration.`);
} finally {
  await server.stop();
}
