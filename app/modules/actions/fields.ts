// The select shapes of actions, named once for every module that links to one.
import type { Prisma } from "~/generated/prisma/client";

/** An action as a link shows it: its code and title. */
export const actionRefSelect = { id: true, code: true, title: true } satisfies Prisma.ActionSelect;
