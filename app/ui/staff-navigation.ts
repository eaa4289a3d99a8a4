// The staff menu. `access` names the entry in staffAccess (app/domain/auth/roles.ts) that decides
// who sees the item; each feature adds its own line.
export const staffNavigation: { to: string; label: string; access: string }[] = [
  { to: "/beheer", label: "Overzicht", access: "beheer._index" },
  { to: "/beheer/initiatieven", label: "Initiatieven", access: "beheer.initiatieven._index" },
  { to: "/beheer/contact", label: "Contactberichten", access: "beheer.contact" },
  { to: "/beheer/enquetes", label: "Enquêtes", access: "beheer.enquetes._index" },
  { to: "/beheer/kaart", label: "Initiatieven op de kaart", access: "beheer.kaart._index" },
  { to: "/beheer/wijken", label: "Wijken", access: "beheer.wijken" },
  { to: "/beheer/bijeenkomsten", label: "Bijeenkomsten", access: "beheer.bijeenkomsten._index" },
  { to: "/beheer/volgers", label: "Volgers", access: "beheer.volgers" },
  { to: "/beheer/digipanel", label: "Digipanel", access: "beheer.digipanel._index" },
  { to: "/beheer/projecten", label: "Projecten", access: "beheer.projecten._index" },
  { to: "/beheer/nieuws", label: "Nieuws", access: "beheer.nieuws._index" },
  { to: "/beheer/inspraak", label: "Inspraak en reactienota", access: "beheer.inspraak._index" },
  { to: "/beheer/resultaten", label: "Resultaten", access: "beheer.resultaten" },
  {
    to: "/beheer/openbare-resultaten",
    label: "Wat we hebben gehoord",
    access: "beheer.openbare-resultaten._index",
  },
  { to: "/beheer/woonvisie-input", label: "Woonvisie-input", access: "beheer.woonvisie-input" },
  {
    to: "/beheer/prestatieafspraken",
    label: "Prestatieafspraken",
    access: "beheer.prestatieafspraken._index",
  },
  { to: "/beheer/gebruikers", label: "Gebruikers", access: "beheer.gebruikers" },
  { to: "/beheer/audit", label: "Auditlog", access: "beheer.audit" },
  { to: "/beheer/uitgaande-mail", label: "Uitgaande mail", access: "beheer.uitgaande-mail" },
  { to: "/beheer/privacy", label: "Gegevens van een persoon", access: "beheer.privacy" },
];
