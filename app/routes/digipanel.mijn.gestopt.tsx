import type { MetaFunction } from "@remix-run/node";
import { Alert, Heading, Paragraph, TextLink } from "~/ui/content";

export const meta: MetaFunction = () => [{ title: "U bent gestopt - Digipanel - Wij maken Heemstede" }];

export default function Left() {
  return (
    <div className="wmh-stack">
      <Heading level={1}>U bent gestopt met het digipanel</Heading>
      <Alert type="ok">
        <Paragraph>
          Wij hebben uw e-mailadres en uw andere gegevens verwijderd. U krijgt geen uitnodigingen meer.
          Antwoorden die u al gaf, blijven bewaard zonder verband met u.
        </Paragraph>
      </Alert>
      <Paragraph>
        Dank u wel voor het meedoen. Wilt u later weer meedoen?{" "}
        <TextLink to="/digipanel">Meld u opnieuw aan</TextLink>.
      </Paragraph>
    </div>
  );
}
