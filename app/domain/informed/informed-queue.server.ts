// Follower mails (digests and mailings) are delivered through the digipanel's delivery path
// (registerBulkQueue, decision 004). docs/informed-events.md.
import { and, eq, inArray } from "drizzle-orm";
import { followers, followerUnsubscribeTokens, informedMails } from "../../../db/schema";
import { getEnv } from "../../lib/env.server";
import { createToken, hashToken } from "../../lib/tokens.server";
import { type BulkQueue, registerBulkQueue } from "../panel/delivery.server";
import { informedUrls } from "./follow.server";
import { withUnsubscribe } from "./mails";
import { informedMessageId } from "./rules";

/** The informed mails on the digipanel's delivery path; the unsubscribe link is added per send. */
export const informedQueue: BulkQueue = registerBulkQueue({
  table: "informed_mails",
  async compose(ids, db) {
    const rows = await db
      .select({
        id: informedMails.id,
        kind: informedMails.kind,
        subject: informedMails.subject,
        text: informedMails.text,
        followerId: followers.id,
        email: followers.email,
      })
      .from(informedMails)
      .innerJoin(followers, and(eq(followers.id, informedMails.followerId), eq(followers.status, "active")))
      .where(inArray(informedMails.id, ids));
    const live = rows.filter((r) => r.email);
    const tokens = new Map(live.map((r) => [r.id, createToken()]));
    if (live.length)
      await db
        .insert(followerUnsubscribeTokens)
        .values(live.map((r) => ({ followerId: r.followerId, tokenHash: hashToken(tokens.get(r.id)!) })));
    const domain = new URL(getEnv().APP_URL).hostname;
    return new Map(
      live.map((r) => [
        Number(r.id),
        withUnsubscribe(
          {
            to: r.email!,
            subject: r.subject,
            paragraphs: r.text.split("\n\n"),
            kind: `follower.${r.kind}`,
            messageId: informedMessageId(Number(r.id), domain),
          },
          informedUrls.unsubscribe(tokens.get(r.id)!),
        ),
      ]),
    );
  },
});
