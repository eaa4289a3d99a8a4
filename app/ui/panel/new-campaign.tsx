import type { SerializeFrom } from "@remix-run/node";
import type { FieldErrors } from "~/lib/forms";
import type { action, loader } from "~/routes/beheer.digipanel.campagnes.nieuw";
import { Alert, Heading, Paragraph } from "~/ui/content";
import { ChoiceGroup, SelectField, SubmitButton, TextArea, TextField } from "~/ui/form";
import { TableScroll } from "~/ui/table-scroll";

// The parts of the new digipanel invitation form (routes/beheer.digipanel.campagnes.nieuw): who is
// invited to which survey, the e-mail and its timing, and the preview with the quota per group.

type Preview = NonNullable<SerializeFrom<typeof action>["preview"]>;
type Value = (key: string) => string | undefined;

/** The invitation's name, its survey and who is invited (everyone or a sample with quota). */
export function CampaignWhoFields({
  surveys,
  errors,
  v,
}: {
  surveys: SerializeFrom<typeof loader>["surveys"];
  errors: FieldErrors;
  v: Value;
}) {
  return (
    <>
      <TextField
        name="name"
        label="Naam van deze uitnodiging"
        required
        defaultValue={v("name")}
        error={errors.name}
      />
      <SelectField
        name="surveyId"
        label="Enquête"
        required
        placeholder="Kies een enquête"
        description="Elk lid krijgt een persoonlijke link. Zo weten wij wie al heeft meegedaan, zonder antwoorden aan een e-mailadres te koppelen. Een open enquête blijft open voor iedereen. Leden die voor deze enquête al een uitnodiging kregen, krijgen geen tweede."
        options={surveys.map((s) => ({ value: String(s.id), label: s.title }))}
        defaultValue={v("surveyId")}
        error={errors.surveyId}
      />
      <ChoiceGroup
        name="mode"
        label="Wie nodigt u uit?"
        required
        options={[
          { value: "all", label: "Alle actieve leden" },
          { value: "sample", label: "Een steekproef met quota per leeftijdsgroep en wijk" },
        ]}
        defaultValue={v("mode") ?? "all"}
        error={errors.mode}
      />
      <TextField
        name="targetCompletes"
        label="Gewenst aantal ingevulde enquêtes (alleen bij een steekproef)"
        inputMode="numeric"
        size="short"
        defaultValue={v("targetCompletes")}
        error={errors.targetCompletes}
      />
      <TextField
        name="expectedResponseRate"
        label="Verwachte respons in procent (alleen bij een steekproef)"
        description="Bijvoorbeeld 40. Hiermee rekenen wij uit hoeveel leden u moet uitnodigen."
        inputMode="numeric"
        size="short"
        defaultValue={v("expectedResponseRate")}
        error={errors.expectedResponseRate}
      />
    </>
  );
}

/** The e-mail's subject and text, when it is sent and the reminders. */
export function CampaignMailFields({ errors, v }: { errors: FieldErrors; v: Value }) {
  return (
    <>
      <TextField
        name="subject"
        label="Onderwerp van de e-mail"
        required
        defaultValue={v("subject")}
        error={errors.subject}
      />
      <TextArea
        name="message"
        label="Tekst van de uitnodiging"
        description="Schrijf in eenvoudige taal (B1). De persoonlijke link en de afmeldlink zetten wij er zelf onder."
        required
        rows={6}
        defaultValue={v("message")}
        error={errors.message}
      />
      <TextField
        name="scheduledAt"
        type="datetime-local"
        label="Versturen op"
        description="Laat leeg om meteen te versturen."
        defaultValue={v("scheduledAt")}
        error={errors.scheduledAt}
      />
      <SelectField
        name="maxReminders"
        label="Aantal herinneringen"
        required
        options={[
          { value: "0", label: "Geen herinnering" },
          { value: "1", label: "1 herinnering" },
          { value: "2", label: "2 herinneringen" },
        ]}
        defaultValue={v("maxReminders") ?? "1"}
        error={errors.maxReminders}
      />
      <TextField
        name="reminderAfterDays"
        label="Herinnering na hoeveel dagen?"
        description="Alleen leden die de enquête nog niet hebben ingevuld krijgen een herinnering."
        inputMode="numeric"
        size="short"
        required
        defaultValue={v("reminderAfterDays") ?? "7"}
        error={errors.reminderAfterDays}
      />
    </>
  );
}

/** Invitations per stratum (age group × wijk): quota, invited and short. */
function QuotaTable({ strata }: { strata: Preview["strata"] }) {
  return (
    <TableScroll label="Uitnodigingen per groep (leeftijd × wijk)">
      <table className="wmh-panel-table">
        <caption>Uitnodigingen per groep (leeftijd × wijk)</caption>
        <thead>
          <tr>
            <th scope="col">Groep</th>
            <th scope="col" className="wmh-num">
              Quotum
            </th>
            <th scope="col" className="wmh-num">
              Uitnodigen
            </th>
            <th scope="col" className="wmh-num">
              Tekort
            </th>
          </tr>
        </thead>
        <tbody>
          {strata.map((s) => (
            <tr key={s.key}>
              <th scope="row">{s.label}</th>
              <td className="wmh-num">{s.quota}</td>
              <td className="wmh-num">{s.take}</td>
              <td className={`wmh-num${s.short ? " wmh-panel-under" : ""}`}>{s.short || ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** What would be sent: how many members, the quota per group and the e-mail itself. */
export function CampaignPreview({ preview }: { preview: Preview }) {
  return (
    <section aria-labelledby="voorbeeld" className="wmh-stack">
      <Heading level={2} id="voorbeeld">
        Voorbeeld
      </Heading>
      <Paragraph>
        {preview.mode === "all"
          ? `Alle ${preview.total} actieve leden krijgen een uitnodiging.`
          : `Voor het gewenste aantal zijn ${preview.needed} uitnodigingen nodig. Het panel heeft er ${preview.total} beschikbaar in de juiste groepen (${preview.activeMembers} actieve leden).`}
      </Paragraph>
      {preview.sharesFromPanel.age || preview.sharesFromPanel.wijk ? (
        <Alert type="warning">
          Er zijn nog geen bevolkingscijfers voor {preview.sharesFromPanel.age ? "leeftijd" : ""}
          {preview.sharesFromPanel.age && preview.sharesFromPanel.wijk ? " en " : ""}
          {preview.sharesFromPanel.wijk ? "wijk" : ""}. De quota volgen daarom de verdeling van het panel
          zelf.
        </Alert>
      ) : null}
      <QuotaTable strata={preview.strata} />
      <Heading level={3}>E-mail: {preview.subject}</Heading>
      <pre className="wmh-panel-mail">{preview.text}</pre>
      <Paragraph>
        De e-mail heeft ook de kopregels List-Unsubscribe en List-Unsubscribe-Post, zodat leden zich met één
        klik kunnen afmelden. Er zitten geen afbeeldingen of meetpixels in.
      </Paragraph>
      <SubmitButton name="intent" value="schedule">
        Uitnodiging inplannen
      </SubmitButton>
    </section>
  );
}
