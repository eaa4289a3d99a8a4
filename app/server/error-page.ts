// A static Dutch page for errors that happen before Remix renders (413, 403 cross-site, crashes).
const titles: Record<number, [string, string]> = {
  400: ["Dit verzoek klopt niet", "Wij konden uw verzoek niet verwerken. Ga terug en probeer het opnieuw."],
  405: [
    "Dit verzoek kan hier niet",
    "Deze pagina kan dit soort verzoek niet verwerken. Ga terug en probeer het opnieuw.",
  ],
  403: [
    "Dit verzoek is geweigerd",
    "Uw verzoek kwam niet van deze website. Ga terug naar de pagina en probeer het opnieuw.",
  ],
  413: [
    "Dit bericht is te groot",
    "Wat u stuurde is groter dan 1 MB. Maak de tekst of het bestand kleiner en probeer het opnieuw.",
  ],
  429: [
    "Even geduld",
    "U heeft in korte tijd veel verzoeken gedaan. Probeer het over een paar minuten opnieuw.",
  ],
  500: [
    "Er ging iets mis",
    "Er ging bij ons iets mis. Probeer het later opnieuw. Blijft het misgaan? Neem dan contact op met de gemeente via 14 023.",
  ],
};

export function errorPage(status: number, requestId?: string): string {
  const [title, text] = titles[status] ?? titles[500]!;
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title} - Wij maken Heemstede</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}a{color:#00577a}</style></head>
<body><main><h1>${title}</h1><p>${text}</p><p><a href="/">Naar de homepagina</a></p>${requestId ? `<p><small>Foutcode: ${requestId}</small></p>` : ""}</main></body></html>`;
}
