import { describe, expect, test } from "vitest";
import {
  isPersonalLink,
  MASKED_CODE,
  MASKED_LINK,
  MASKED_PANEL_RECIPIENT,
  maskSecrets,
  visibleRecipient,
} from "../../app/domain/platform/outbox";

const token = "Zk3_9aQ-xY7bT2mN8pL4vR6sW1cE5dH0jK3fG9uI2oP";

describe("personal links and codes are masked for staff", () => {
  test.each([
    `http://localhost:3000/idee/volgen/${token}`,
    `http://localhost:3000/digipanel/bevestigen/${token}`,
    `http://localhost:3000/digipanel/mijn/inloggen/${token}`,
    `http://localhost:3000/digipanel/afmelden/${token}`,
    `http://localhost:3000/beheer/uitnodiging/${token}`,
    "http://localhost:3000/enquete/woonvisie?code=ABCD-EFGH-JKM2",
    `http://localhost:3000/enquete/woonvisie?verder=${token}`,
  ])("%s", (link) => {
    expect(isPersonalLink(link)).toBe(true);
    const text = `Klik hier: ${link}. Of hier <${link}>`;
    const masked = maskSecrets(text);
    expect(masked).toBe(`Klik hier: ${MASKED_LINK}. Of hier <${MASKED_LINK}>`);
    expect(masked).not.toContain(token);
  });

  test("public links stay readable", () => {
    for (const link of [
      "http://localhost:3000/idee/volgen",
      "http://localhost:3000/privacy",
      "https://www.heemstede.nl/wonen-en-leven/woonvisie",
      "http://localhost:3000/beheer/initiatieven/5f0c2a8e-1d2b-4c3d-9e8f-0a1b2c3d4e5f",
    ])
      expect(maskSecrets(`Zie ${link}`)).toBe(`Zie ${link}`);
  });

  test("a survey code on its own is masked too", () => {
    expect(maskSecrets("Uw code is ABCD-EFGH-JKM2.")).toBe(`Uw code is ${MASKED_CODE}.`);
    expect(maskSecrets("Bel 06-12345678")).toBe("Bel 06-12345678");
  });

  test("a panel member's address is never shown", () => {
    expect(visibleRecipient("panel.invitation", "lid@example.nl")).toBe(MASKED_PANEL_RECIPIENT);
    expect(visibleRecipient("panel.confirm", "lid@example.nl")).toBe(MASKED_PANEL_RECIPIENT);
    expect(visibleRecipient("contact.confirmation", "iemand@example.nl")).toBe("iemand@example.nl");
  });
});
