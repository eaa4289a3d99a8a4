// Texts residents read in the survey flow, together for B1 review. No imports: used in the browser too.
export const flowMessages = {
  codeUnknown:
    "Deze code kennen wij niet. Controleer de code in uw brief of e-mail. Let op: de code heeft 12 tekens.",
  codeMissing: "Vul de code uit uw brief of e-mail in.",
  codeUsed:
    "Met deze code is de vragenlijst al ingevuld. Dank u wel voor uw antwoorden! Elke code kan één keer gebruikt worden.",
  tooMany: "U heeft in korte tijd vaak geprobeerd te beginnen. Probeer het over een uur opnieuw.",
  mailed:
    "Wij hebben u een e-mail gestuurd met een link. Met die link gaat u later verder waar u gebleven was.",
} as const;
