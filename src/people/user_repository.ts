import type { Queryable } from "../db/database.ts";
import type { UserRole } from "./user_role.ts";

/** A user as stored (the password hash stays in the repository layer and sign-in). */
export interface User {
  id: string;
  name: string;
  role: UserRole;
  created_at: Date;
  created_by: string;
  updated_at: Date;
  disabled_at: Date | null;
}

const COLUMNS = [
  "id",
  "name",
  "role",
  "created_at",
  "created_by",
  "updated_at",
  "disabled_at",
] as const;

type Row = { role: string } & Omit<User, "role">;
const toUser = (row: Row): User => ({ ...row, role: row.role as UserRole });

/** Stores a new user. */
export async function insertUser(
  db: Queryable,
  user: User & { password_hash: string },
): Promise<void> {
  await db.insertInto("users").values(user).execute();
}

/** One user by id, or `undefined`. */
export async function findUserById(db: Queryable, id: string): Promise<User | undefined> {
  const row = await db.selectFrom("users").select(COLUMNS).where("id", "=", id).executeTakeFirst();
  return row && toUser(row);
}

/** One user by login name (case-insensitive) with the password hash, or `undefined`. */
export async function findUserForSignIn(
  db: Queryable,
  name: string,
): Promise<(User & { password_hash: string }) | undefined> {
  const row = await db.selectFrom("users").select([...COLUMNS, "password_hash"])
    .where("name", "=", name.trim().toLowerCase()).executeTakeFirst();
  return row && { ...toUser(row), password_hash: row.password_hash };
}

/** Every user, by name. */
export async function listUsers(db: Queryable): Promise<User[]> {
  const rows = await db.selectFrom("users").select(COLUMNS).orderBy("name").execute();
  return rows.map(toUser);
}

/** How many users there are (0 before the first admin). */
export async function countUsers(db: Queryable): Promise<number> {
  const row = await db.selectFrom("users").select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Changes some fields of a user; true when the user exists. */
export async function updateUser(
  db: Queryable,
  id: string,
  change: { role?: UserRole; password_hash?: string; disabled_at?: Date | null; updated_at: Date },
): Promise<boolean> {
  const result = await db.updateTable("users").set(change).where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
