// Per test file that delivers bulk mail (digipanel, followers, reactienota): an SMTP sink without a
// rate limit, the database reset before each test, and the environment put back afterwards.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { releaseWorker } from "../../app/domain/panel/delivery.server";
import { resetEnvForTests } from "../../app/lib/env.server";
import { resetDatabase } from "./db";
import { type SmtpSink, startSmtpSink } from "./smtp-sink";

/** Registers the hooks; the returned sink is usable inside tests (it starts in beforeAll). */
export function withBulkMailSink(options: { afterReset?: () => Promise<void> } = {}): SmtpSink {
  let current: SmtpSink | undefined;
  beforeAll(async () => {
    current = await startSmtpSink();
    process.env.SMTP_URL = current.url;
    process.env.APP_URL = "http://localhost:3000";
    process.env.PANEL_MAILS_PER_MINUTE = "0";
    resetEnvForTests();
  });
  afterAll(async () => {
    await releaseWorker();
    await current?.close();
    delete process.env.SMTP_URL;
    delete process.env.PANEL_MAILS_PER_MINUTE;
    resetEnvForTests();
  });
  beforeEach(async () => {
    await resetDatabase();
    await options.afterReset?.();
    if (current) current.messages.length = 0;
  });
  return new Proxy({} as SmtpSink, {
    get(_target, prop) {
      if (!current) throw new Error("the SMTP sink starts in beforeAll");
      const value = Reflect.get(current, prop);
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
}
