import type net from "node:net";
import { Readable } from "node:stream";
import MailComposer from "nodemailer/lib/mail-composer";
import SMTPConnection from "nodemailer/lib/smtp-connection";

// One SMTP connection that sends messages one after another, and lets the caller commit its own
// bookkeeping at the last possible moment: after the server accepted sender, recipient and the
// whole message body, but before the final "." that makes the server take the message.
// See docs/panel.md, "Delivery": this is what keeps a kill -9 from causing duplicates.

export interface LaneMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  messageId: string;
}

/** The address inside "Name <address>", or the string itself. */
export function envelopeAddress(from: string): string {
  return from.match(/<([^>]+)>/)?.[1] ?? from.trim();
}

export function buildMessage(mail: LaneMail): Promise<Buffer> {
  return new MailComposer({
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    messageId: mail.messageId,
  })
    .compile()
    .build();
}

export class SmtpLane {
  private conn: SMTPConnection | null = null;

  constructor(private readonly url: string) {}

  private async open(): Promise<SMTPConnection> {
    const u = new URL(this.url);
    const secure = u.protocol === "smtps:";
    const conn = new SMTPConnection({
      host: u.hostname,
      port: Number(u.port || (secure ? 465 : 25)),
      secure,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
    });
    await new Promise<void>((resolve, reject) => {
      conn.once("error", reject);
      conn.connect(() => {
        conn.removeListener("error", reject);
        resolve();
      });
    });
    // Errors also reach the send callback; a listener keeps them from crashing the process.
    conn.on("error", () => {});
    // Without TCP_NODELAY, Nagle and delayed ACKs add ~150 ms per message.
    (conn as unknown as { _socket?: net.Socket })._socket?.setNoDelay(true);
    if (u.username) {
      await new Promise<void>((resolve, reject) =>
        conn.login({ user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) }, (err) =>
          err ? reject(err) : resolve(),
        ),
      );
    }
    return conn;
  }

  /**
   * Send `raw` to `to`. `beforeCommit` runs once the body has gone out and before the final dot;
   * if it fails, the message is abandoned (the server never gets the dot). Rejects with the SMTP
   * error if the server refused the message (before or after beforeCommit).
   */
  async send(
    envelope: { from: string; to: string },
    raw: Buffer,
    beforeCommit: () => Promise<void>,
  ): Promise<void> {
    this.conn ??= await this.open();
    const conn = this.conn;
    try {
      await new Promise<void>((resolve, reject) => {
        let stage = 0;
        // nodemailer pipes the body only after "354"; after a refused envelope it drains the body
        // into a dummy stream instead, having reported the error first, so `refused` is set then.
        let refused = false;
        const body = new Readable({
          read() {
            if (stage === 0) {
              stage = 1;
              this.push(raw);
            } else if (stage === 1) {
              stage = 2;
              if (refused) {
                this.push(null);
                return;
              }
              beforeCommit().then(
                () => this.push(null),
                (err: Error) => this.destroy(err),
              );
            }
          },
        });
        conn.send({ from: envelope.from, to: [envelope.to] }, body, (err) => {
          if (err) {
            refused = true;
            reject(err);
          } else resolve();
        });
      });
    } catch (error) {
      // After a failure mid-message the session state is unknown: start fresh next time.
      this.close();
      throw error;
    }
  }

  close() {
    this.conn?.close();
    this.conn = null;
  }
}
