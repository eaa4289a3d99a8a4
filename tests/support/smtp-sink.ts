// A real SMTP server on 127.0.0.1 and a random port (the smtp-server package) that keeps every
// message it accepts, for integration tests and bench/panel.ts.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface SinkMessage {
  to: string[];
  raw: string;
  messageId: string | null;
  header: (name: string) => string | null;
}

export interface SmtpSink {
  url: string;
  messages: SinkMessage[];
  /** Make the next `n` messages fail with a 451 temporary error. */
  failNext(n: number): void;
  /** Reject every message to this address with 550. */
  rejectTo(address: string): void;
  /** Answer every RCPT TO only after `ms` milliseconds (a slow server); 0 answers at once again. */
  slowRecipients(ms: number): void;
  close(): Promise<void>;
}

export async function startSmtpSink(options: { keepRaw?: boolean } = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  let failing = 0;
  const rejected = new Set<string>();
  let rcptDelay = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    disableReverseLookup: true,
    size: 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (rejected.has(address.address.toLowerCase())) {
        const err = new Error("Mailbox unavailable") as Error & { responseCode: number };
        err.responseCode = 550;
        return callback(err);
      }
      if (rcptDelay > 0) setTimeout(() => callback(), rcptDelay);
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (failing > 0) {
          failing--;
          const err = new Error("Try again later") as Error & { responseCode: number };
          err.responseCode = 451;
          return callback(err);
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const headerBlock = raw.split(/\r?\n\r?\n/)[0] ?? "";
        const unfolded = headerBlock.replace(/\r?\n[ \t]+/g, " ");
        const header = (name: string) => {
          const m = unfolded.match(new RegExp(`^${name}:\\s*(.*)$`, "im"));
          return m ? m[1]!.trim() : null;
        };
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: options.keepRaw === false ? "" : raw,
          messageId: header("Message-ID"),
          header,
        });
        callback();
      });
    },
  });
  // A client that dies mid-session (the bench kills the worker) resets its connection: not our error.
  server.on("error", () => {});
  // Answer each command at once (no Nagle delay on small replies), as a real MTA on a LAN would.
  server.server.on("connection", (socket: import("node:net").Socket) => socket.setNoDelay(true));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    failNext: (n) => {
      failing = n;
    },
    rejectTo: (address) => rejected.add(address.toLowerCase()),
    slowRecipients: (ms) => {
      rcptDelay = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Decode a quoted-printable body enough to find links in it. */
export function bodyText(raw: string): string {
  return raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}
