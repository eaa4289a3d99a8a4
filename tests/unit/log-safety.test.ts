import { describe, expect, test } from "vitest";
import { urlForLog } from "../../app/server/security";

const token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";

describe("request logs", () => {
  test("secret tokens in URLs are never logged", () => {
    expect(token).toHaveLength(43);
    expect(urlForLog(`/beheer/uitnodiging/${token}`)).toBe("/beheer/uitnodiging/[token]");
    expect(urlForLog(`/idee/volgen/${token}?x=1`)).toBe("/idee/volgen/[token]?x=1");
    expect(urlForLog(`/digipanel/mijn?token=${token}`)).toBe("/digipanel/mijn?token=[token]");
  });

  test("ordinary URLs are logged as they are", () => {
    expect(urlForLog("/beheer/uitgaande-mail/12?pagina=2")).toBe("/beheer/uitgaande-mail/12?pagina=2");
    expect(urlForLog(undefined)).toBeUndefined();
  });
});
