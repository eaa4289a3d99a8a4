// The main navigation. Only pages that exist are linked; each feature adds its entry here.
export const mainNavigation: { to: string; label: string }[] = [
  { to: "/", label: "Home" },
  { to: "/idee", label: "Ik heb een idee" },
  { to: "/initiatieven", label: "Initiatieven" },
  { to: "/meedenken", label: "Meedenken" },
  { to: "/digipanel", label: "Digipanel" },
  { to: "/contact", label: "Contact" },
];

export const footerNavigation: { to: string; label: string }[] = [
  { to: "/contact", label: "Contact" },
  { to: "/privacy", label: "Privacy" },
  { to: "/toegankelijkheid", label: "Toegankelijkheid" },
  { to: "/beheer", label: "Inloggen voor medewerkers" },
];
