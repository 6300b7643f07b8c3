import * as z from "zod/mini";
import { email, plainString, requiredText } from "~/utils/validation";

export const LoginSchema = z.object({
  email: email(),
  password: requiredText(200),
  redirectTo: z.optional(plainString(2000)),
});
export type LoginInput = z.input<typeof LoginSchema>;
