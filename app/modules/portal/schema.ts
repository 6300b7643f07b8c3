// The admin's forms of the public portal: open or close it, and which budgets stay internal.
import * as z from "zod/mini";
import { arrayOf, choice } from "~/utils/validation";

export const PortalSettingSchema = z.object({ enabled: choice(["true", "false"]) });

export const InternalBudgetsSchema = z.object({ internal: arrayOf(z.string().check(z.minLength(1), z.maxLength(40))) });
