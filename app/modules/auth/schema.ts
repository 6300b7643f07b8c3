import * as z from "zod/mini";
import { email, requiredText } from "~/utils/validation";

export const LoginSchema = z.object({
  email: email(),
  password: requiredText(200),
  redirectTo: z.optional(z.string()),
});
export type LoginInput = z.input<typeof LoginSchema>;
