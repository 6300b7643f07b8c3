// The admin's switch of the public portal.
import * as z from "zod/mini";
import { choice } from "~/utils/validation";

export const PortalSettingSchema = z.object({ enabled: choice(["true", "false"]) });
