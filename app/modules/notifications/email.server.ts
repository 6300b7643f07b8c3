// Optional e-mail copies of in-app notices. Without SMTP_URL, Pacte works with in-app
// notices only and nothing here fails.
import nodemailer from "nodemailer";
import { env } from "~/utils/env.server";
import { singleton } from "~/utils/singleton.server";

export type EmailMessage = { to: string; subject: string; text: string };

const FROM = "Pacte <no-reply@pacte.ml>";

function smtpUrl() {
  const url = env().SMTP_URL?.trim();
  return url ? url : null;
}

// Said once per process, so a missing SMTP_URL is visible without flooding the logs.
const announced = singleton("email-disabled-announced", () => ({ done: false }));

/** Whether notices are also sent by e-mail. */
export function emailEnabled() {
  const enabled = smtpUrl() !== null;
  if (!enabled && !announced.done) {
    announced.done = true;
    console.info("SMTP_URL n'est pas défini : les notifications restent dans Pacte, sans e-mail.");
  }
  return enabled;
}

function transporter(url: string) {
  return singleton(`smtp:${url}`, () => nodemailer.createTransport(url));
}

/** Sends one message; false (and a log line) when the SMTP server refused or could not be reached. */
export async function sendEmail(message: EmailMessage): Promise<boolean> {
  const url = smtpUrl();
  if (!url) return false;
  try {
    await transporter(url).sendMail({ from: FROM, to: message.to, subject: message.subject, text: message.text });
    return true;
  } catch (error) {
    // A notice that could not be mailed is still in Pacte: log and go on.
    console.warn(`E-mail non envoyé à ${message.to} : ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
