// The audit vocabulary: every action the audit log records, as an English code `entity.verb_past`, with the
// Dutch sentence /beheer/audit shows. `audit()` accepts only these codes, so a new action without a readable
// description is a type error. Codes are stored; never rename one without a migration (see legacyAuditActions).

export const auditActions = {
  // Staff users and access
  "staff_user.created": "Gebruiker aangemaakt",
  "staff_user.invited": "Gebruiker uitgenodigd",
  "staff_user.password_set": "Wachtwoord ingesteld",
  "staff_user.roles_changed": "Rollen van een gebruiker gewijzigd",
  "staff_user.activated": "Gebruiker weer actief gemaakt",
  "staff_user.deactivated": "Gebruiker uitgeschakeld",

  // Contact form
  "contact.handled": "Contactbericht afgehandeld",
  "contact.reopened": "Contactbericht heropend",

  // Initiatives: routing and settings
  "routing.saved": "Routeringsregel opgeslagen",
  "routing.deleted": "Routeringsregel verwijderd",
  "initiative.answer_days_changed": "Reactietermijn voor initiatieven gewijzigd",

  // Initiatives: initiator
  "initiative.withdrawn_by_initiator": "Initiatief ingetrokken door de initiatiefnemer",
  "initiative.initiator_added_info": "Initiatiefnemer heeft informatie aangevuld",
  "initiative.initiator_messaged": "Initiatiefnemer heeft een bericht gestuurd",

  // Initiatives: triage and process
  "initiative.created": "Initiatief aangemaakt door een medewerker",
  "initiative.imported": "Initiatieven geïmporteerd uit een bestand",
  "initiative.account_manager_changed": "Accounthouder van een initiatief gewijzigd",
  "initiative.decider_confirmed": "Wie beslist over een initiatief is bevestigd",
  "initiative.status_changed": "Status van een initiatief gewijzigd",
  "initiative.note_added": "Notitie bij een initiatief toegevoegd",
  "initiative.message_sent": "Bericht aan de initiatiefnemer gestuurd",
  "initiative.published": "Initiatief op de kaart gezet",
  "initiative.publication_changed": "Gegevens op de kaart van een initiatief gewijzigd",
  "initiative.unpublished": "Initiatief van de kaart gehaald",
  "initiative.map_details_changed": "Kaartgegevens van een initiatief gewijzigd",
  "initiative.plan_description_saved": "Planomschrijving opgeslagen",
  "initiative.participation_plan_saved": "Participatieplan opgeslagen",
  "initiative.framework_adopted": "Plan en participatieplan vastgesteld",
  "initiative.process_step_changed": "Basisstap van een initiatief gewijzigd",

  // Wijken
  "wijk.imported": "Wijkgrenzen geïmporteerd",

  // Surveys
  "survey.created": "Enquête aangemaakt",
  "survey.settings_changed": "Instellingen van een enquête gewijzigd",
  "survey.edited": "Vragen van een enquête gewijzigd",
  "survey.imported": "Vragenlijst van een enquête ingelezen uit een bestand",
  "survey.imported_limesurvey": "Enquête ingelezen uit een LimeSurvey-bestand en als concept opgeslagen",
  "survey.exported_limesurvey": "Enquête gedownload als LimeSurvey-bestand",
  "survey.published": "Enquête gepubliceerd",
  "survey.draft": "Enquête terug naar concept gezet",
  "survey.reopened": "Enquête weer geopend",
  "survey.closed": "Enquête gesloten",
  "survey.codes_printed": "Vragenlijsten met een persoonlijke code afgedrukt",
  "survey.paper_entered": "Papieren vragenlijst ingevoerd",
  "survey.paper_resolved": "Verschillen tussen twee invoeren van een papieren vragenlijst opgelost",
  "survey.bureau_imported": "Antwoorden van een invoerbureau geïmporteerd",

  // Digipanel
  "panel.campaign_scheduled": "Uitnodigingen van het digipanel ingepland",
  "panel.campaign_cancelled": "Uitnodigingen van het digipanel geannuleerd",
  "panel.population_saved": "Bevolkingscijfers opgeslagen",

  // Results and coding
  "insights.codes_suggested": "Codes voorgesteld voor open antwoorden",
  "insights.code_created": "Code aangemaakt",
  "insights.code_accepted": "Voorgestelde code geaccepteerd",
  "insights.code_renamed": "Code hernoemd",
  "insights.codes_merged": "Codes samengevoegd",
  "insights.code_split": "Code gesplitst",
  "insights.answer_recoded": "Code van een antwoord gewijzigd",
  "insights.quote_marked": "Citaat gemarkeerd",
  "insights.quote_unmarked": "Markering van een citaat weggehaald",
  "insights.input_item_created": "Inbreng van een ander spoor toegevoegd",
  "insights.input_item_deleted": "Inbreng van een ander spoor verwijderd",
  "insights.exported_csv": "Antwoorden geëxporteerd als CSV",
  "insights.exported_xlsx": "Antwoorden geëxporteerd als Excel",
  "insights.summary_edited": "Samenvatting van een thema in het Woonvisie-rapport aangepast",
  "insights.summary_reset": "Samenvatting van een thema teruggezet naar de tekst uit de cijfers",

  // Two-factor login
  "staff.two_factor_enabled": "Tweestapsverificatie aangezet",
  "staff.recovery_code_used": "Inloggen met een herstelcode",
  "staff.login_alert_sent": "Waarschuwing over mislukte inlogpogingen gestuurd",

  // Projects
  "project.updated": "Project gewijzigd",
  "project.phase_added": "Fase toegevoegd aan een project",
  "project.phase_updated": "Fase van een project gewijzigd",
  "project.phase_pinned": "Fase vastgezet als huidige fase",
  "project.phase_unpinned": "Vastgezette fase losgemaakt: de data bepalen weer de huidige fase",

  // Followers
  "follower.mailing_sent": "E-mail aan volgers van projecten verstuurd",
  "follower.mailing_test": "Test van e-mail aan volgers naar zichzelf gestuurd",

  // Bijeenkomsten
  "event.created": "Bijeenkomst aangemaakt",
  "event.updated": "Bijeenkomst gewijzigd",
  "event.registration_closed": "Aanmelden voor bijeenkomst gesloten",
  "event.registration_reopened": "Aanmelden voor bijeenkomst weer geopend",
  "event.capacity_changed": "Aantal plaatsen van bijeenkomst veranderd",
  "event.cancelled": "Bijeenkomst afgelast (iedereen kreeg een e-mail)",
  "event.attendees_exported": "Deelnemerslijst van bijeenkomst gedownload",

  // News
  "news.created": "Nieuwsbericht aangemaakt",
  "news.updated": "Nieuwsbericht gewijzigd",
  "news.published": "Nieuwsbericht gepubliceerd of ingepland",
  "news.withdrawn": "Nieuwsbericht teruggetrokken",

  // "Wat we hebben gehoord": public results of a survey
  "results.published": "Resultaten van een enquête openbaar gemaakt (Wat we hebben gehoord)",
  "results.withdrawn": "Openbare resultaten van een enquête teruggetrokken",

  // Prestatieafspraken monitor
  "monitor_update.submitted": "Partner heeft een update van een prestatieafspraak ingediend",
  "monitor_update.confirmed": "Gemeente heeft een update van een prestatieafspraak bevestigd",
  "monitor_update.sent_back": "Gemeente heeft een update van een prestatieafspraak teruggestuurd",
  "monitor_reaction.saved": "Huurdersorganisatie heeft gereageerd op een prestatieafspraak",
  "monitor_round.opened": "Ronde van de monitor geopend en partners gemaild",
  "monitor_round.closed": "Ronde van de monitor gesloten",
  "monitor_agreements.copied": "Doorlopende en onafgemaakte afspraken naar het volgende jaar gekopieerd",
  "monitor_round.exported": "Ronde van de monitor geëxporteerd",
  "monitor_round.imported": "Updates van de monitor geïmporteerd uit een bestand",
  "monitor_partner.linked": "Partneraccount aan een organisatie gekoppeld",
  "monitor_partner.unlinked": "Partneraccount losgekoppeld van zijn organisatie",

  // Consultation on a concept document (reactienota)
  "consultation_document.created": "Inspraakdocument aangemaakt",
  "consultation_document.period_changed": "Reactieperiode van een inspraakdocument gewijzigd",
  "consultation_version.created": "Nieuwe versie van een inspraakdocument gemaakt",
  "consultation_version.edited": "Tekst van een conceptversie gewijzigd",
  "consultation_version.imported": "Conceptversie ingelezen uit een Word-bestand",
  "consultation_version.published": "Versie van een inspraakdocument gepubliceerd",
  "consultation_reaction.themed": "Thema van reacties gekozen of voorgesteld",
  "consultation_reaction.cleared": "Tekst van een reactie vrijgegeven (persoonsgegevens nagekeken)",
  "consultation_point.merged": "Reacties samengevoegd tot een punt",
  "consultation_point.answered": "Antwoord en besluit bij een punt opgeslagen",
  "consultation_point.dissolved": "Punt opgeheven: de reacties zijn weer los",
  "consultation_nota.published": "Reactienota gepubliceerd en iedereen die reageerde gemaild",

  // Retention periods (docs/privacy.md), by the hourly job: the details hold only numbers
  "follower.retention_erased": "Bewaartermijn voorbij: gestopte en nooit bevestigde volgers verwijderd",
  "event_registration.retention_erased":
    "Bewaartermijn voorbij: naam, e-mailadres of toegankelijkheidswens bij aanmeldingen voor bijeenkomsten gewist",
  "consultation_reaction.retention_erased":
    "Bewaartermijn voorbij: naam en e-mailadres bij reacties op een inspraakdocument gewist, niet bevestigde en ingetrokken reacties verwijderd",

  // AVG requests
  "privacy_subject.viewed": "Gegevens van één e-mailadres opgezocht (AVG-verzoek)",
  "privacy_subject.exported": "Gegevens van één e-mailadres gedownload (AVG-verzoek)",
  "privacy_subject.erased": "Gegevens van één e-mailadres gewist (AVG-verzoek)",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof auditActions;

/** The readable sentence for a stored code; codes from before this list show as they were stored. */
export function describeAction(code: string): string {
  return (auditActions as Record<string, string>)[code] ?? code;
}

/** Readable names for the kinds of records in the log. */
export const entityLabels: Record<string, string> = {
  staff_user: "Gebruiker",
  contact_message: "Contactbericht",
  initiative: "Initiatief",
  initiative_routing_rule: "Routeringsregel",
  setting: "Instelling",
  wijk: "Wijk",
  survey: "Enquête",
  panel_campaign: "Uitnodigingsronde",
  population_figures: "Bevolkingscijfers",
  code: "Code",
  answer: "Antwoord",
  input_item: "Inbreng",
  consultation_document: "Inspraakdocument",
  consultation_version: "Versie van een inspraakdocument",
  consultation_reaction: "Reactie op een inspraakdocument",
  consultation_point: "Punt in de reactienota",
  follower: "Volger",
  event_registration: "Aanmelding voor een bijeenkomst",
};

const detailLabels: Record<string, string> = {
  from: "van",
  to: "naar",
  reason: "reden",
  version: "versie",
  days: "dagen",
  roles: "rollen",
  count: "aantal",
  format: "formaat",
  rows: "regels",
  name: "naam",
  step: "stap",
  file: "bestand",
  asIs: "overgenomen",
  changed: "aangepast",
  leftOut: "weggelaten",
  photo: "foto openbaar",
  left: "gestopt",
  unconfirmed: "nooit bevestigd",
  anonymised: "naam en e-mailadres gewist",
  accessibility: "toegankelijkheidswens gewist",
  deleted: "verwijderd",
  withdrawn: "ingetrokken",
};

/** Details as "van: Nieuw; naar: In behandeling", with Dutch names for the keys we know (and labels for codes when given). */
export function describeDetails(details: unknown, valueLabel?: (code: string) => string): string {
  if (!details || typeof details !== "object" || Object.keys(details).length === 0) return "";
  return Object.entries(details as Record<string, unknown>)
    .map(([k, v]) => {
      // Stored codes are English (e.g. a status); the caller may pass their Dutch labels.
      if (valueLabel && (k === "from" || k === "to") && typeof v === "string")
        return `${detailLabels[k]}: ${valueLabel(v)}`;
      const value = Array.isArray(v)
        ? v.join(", ")
        : v !== null && typeof v === "object"
          ? JSON.stringify(v)
          : String(v);
      return `${detailLabels[k] ?? k}: ${value}`;
    })
    .join("; ");
}

/**
 * Codes stored before the vocabulary (Dutch and English mixed), with the code that replaced each.
 * Migration 0009 (`audit_vocabulary`) rewrote the stored rows with this same table.
 */
export const legacyAuditActions: Record<string, AuditAction> = {
  "gebruiker.aangemaakt": "staff_user.created",
  "gebruiker.uitgenodigd": "staff_user.invited",
  "gebruiker.wachtwoord_ingesteld": "staff_user.password_set",
  "gebruiker.rollen_gewijzigd": "staff_user.roles_changed",
  "gebruiker.geactiveerd": "staff_user.activated",
  "gebruiker.gedeactiveerd": "staff_user.deactivated",
  "contact.afgehandeld": "contact.handled",
  "contact.heropend": "contact.reopened",
  "initiatief.routering_opgeslagen": "routing.saved",
  "initiatief.routering_verwijderd": "routing.deleted",
  "initiatief.reactietermijn_gewijzigd": "initiative.answer_days_changed",
  "initiatief.ingetrokken_door_initiatiefnemer": "initiative.withdrawn_by_initiator",
  "initiatief.aanvulling_initiatiefnemer": "initiative.initiator_added_info",
  "initiatief.bericht_initiatiefnemer": "initiative.initiator_messaged",
  "initiative.create": "initiative.created",
  "initiative.import": "initiative.imported",
  "initiatief.accounthouder_gewijzigd": "initiative.account_manager_changed",
  "initiatief.beslisser_bevestigd": "initiative.decider_confirmed",
  "initiatief.status_gewijzigd": "initiative.status_changed",
  "initiatief.notitie_toegevoegd": "initiative.note_added",
  "initiatief.bericht_verstuurd": "initiative.message_sent",
  "initiatief.gepubliceerd": "initiative.published",
  "initiatief.publicatie_gewijzigd": "initiative.publication_changed",
  "initiatief.publicatie_ingetrokken": "initiative.unpublished",
  "initiative.update-public": "initiative.map_details_changed",
  "initiatief.planomschrijving_opgeslagen": "initiative.plan_description_saved",
  "initiatief.participatieplan_opgeslagen": "initiative.participation_plan_saved",
  "initiatief.kader_vastgesteld": "initiative.framework_adopted",
  "initiatief.basisstap_gewijzigd": "initiative.process_step_changed",
  "wijken.import": "wijk.imported",
  "survey.create": "survey.created",
  "survey.settings": "survey.settings_changed",
  "survey.edit": "survey.edited",
  "survey.import": "survey.imported",
  "survey.publish": "survey.published",
  "survey.status.draft": "survey.draft",
  "survey.status.published": "survey.reopened",
  "survey.status.closed": "survey.closed",
  "panel.campaign.schedule": "panel.campaign_scheduled",
  "panel.campaign.cancel": "panel.campaign_cancelled",
  "panel.population.save": "panel.population_saved",
  "insights.codes.suggest": "insights.codes_suggested",
  "insights.code.create": "insights.code_created",
  "insights.code.accept": "insights.code_accepted",
  "insights.code.rename": "insights.code_renamed",
  "insights.code.merge": "insights.codes_merged",
  "insights.code.split": "insights.code_split",
  "insights.answer.recode": "insights.answer_recoded",
  "insights.quote.mark": "insights.quote_marked",
  "insights.quote.unmark": "insights.quote_unmarked",
  "insights.input-item.create": "insights.input_item_created",
  "insights.input-item.delete": "insights.input_item_deleted",
  "insights.export.csv": "insights.exported_csv",
  "insights.export.xlsx": "insights.exported_xlsx",
};
