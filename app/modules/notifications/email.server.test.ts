import { once } from "node:events";
import net from "node:net";
import { afterAll, expect, test, vi } from "vitest";
import { createUser } from "../../../tests/factories";
import { prisma } from "~/utils/db.server";
import { notifyNow } from "./notifications.server";

// A tiny SMTP server that accepts every message except those to refused@..., so the
// e-mail path runs for real without any outside service.
type Received = { to: string[]; data: string };
const received: Received[] = [];

const server = net.createServer((socket) => {
  let buffer = "";
  let inData = false;
  let current: Received = { to: [], data: "" };
  const reply = (line: string) => socket.write(`${line}\r\n`);
  reply("220 test.local ESMTP");
  socket.on("data", (chunk) => {
    buffer += chunk.toString("utf8");
    let index = buffer.indexOf("\r\n");
    while (index !== -1) {
      const line = buffer.slice(0, index);
      buffer = buffer.slice(index + 2);
      if (inData) {
        if (line === ".") {
          inData = false;
          received.push(current);
          current = { to: [], data: "" };
          reply("250 OK queued");
        } else {
          current.data += `${line}\n`;
        }
      } else {
        const command = line.slice(0, 4).toUpperCase();
        if (command === "EHLO" || command === "HELO") reply("250 test.local");
        else if (command === "MAIL") reply("250 OK");
        else if (command === "RCPT") {
          if (line.toLowerCase().includes("refused@")) reply("550 No such user");
          else {
            current.to.push(line);
            reply("250 OK");
          }
        } else if (command === "DATA") {
          inData = true;
          reply("354 End data with <CR><LF>.<CR><LF>");
        } else if (command === "QUIT") {
          reply("221 Bye");
          socket.end();
        } else if (command === "RSET") {
          current = { to: [], data: "" };
          reply("250 OK");
        } else reply("250 OK");
      }
      index = buffer.indexOf("\r\n");
    }
  });
});
server.listen(0, "127.0.0.1");
await once(server, "listening");
const address = server.address();
if (!address || typeof address === "string") throw new Error("no port");
// Read once, at the first use of the environment in this file's process.
process.env.SMTP_URL = `smtp://127.0.0.1:${address.port}`;

afterAll(() => {
  server.close();
});

test("with SMTP_URL, a notice is also e-mailed in the reader's language and marked as e-mailed", async () => {
  const reader = await createUser({ email: "lecteur@test.ml" });
  await prisma.user.update({ where: { id: reader.id }, data: { language: "EN" } });
  const { ids } = await notifyNow({
    userIds: [reader.id],
    kind: "reportApproved",
    params: { action: "O21-03", period: "S2 2026" },
    link: "/reports/r1",
  });
  expect(ids).toHaveLength(1);
  const notice = await prisma.notification.findUniqueOrThrow({ where: { id: ids[0] ?? "" }, select: { emailedAt: true } });
  expect(notice.emailedAt).toBeInstanceOf(Date);
  const mail = received.find((message) => message.to.some((line) => line.includes("lecteur@test.ml")));
  expect(mail?.data).toContain('The report of action O21-03 for "S2 2026" was approved.');
  expect(mail?.data).toContain("Open in Pacte: /reports/r1");
});

test("a refused e-mail is logged, and the notice stays in Pacte, not marked as e-mailed", async () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  const reader = await createUser({ email: "refused@test.ml" });
  const { ids } = await notifyNow({ userIds: [reader.id], kind: "focalPointAssigned", params: { organisation: "MSPC" } });
  expect(ids).toHaveLength(1);
  expect(await prisma.notification.findMany({ where: { userId: reader.id }, select: { emailedAt: true } })).toEqual([{ emailedAt: null }]);
  expect(warn).toHaveBeenCalledWith(expect.stringContaining("refused@test.ml"));
  warn.mockRestore();
});
