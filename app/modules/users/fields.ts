// The select shapes of users, named once: who did something, and how to reach them.
import type { Prisma } from "~/generated/prisma/client";

/** Who wrote, submitted or reviewed something: the name only, never the account's details. */
export const personNameSelect = { name: true } satisfies Prisma.UserSelect;

/** A person to contact (focal points on the compliance and handover pages). */
export const userContactSelect = { id: true, name: true, email: true } satisfies Prisma.UserSelect;
