// The select shapes of organisations, named once for every module that shows one.
import type { Prisma } from "~/generated/prisma/client";

/** An organisation as a list or a page names it: its acronym, with the full name beside. */
export const organisationRefSelect = { id: true, acronym: true, name: true } satisfies Prisma.OrganisationSelect;
