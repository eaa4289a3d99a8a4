// Texts of the map-point question that the page needs on first load (the rest is in map-point-picker.tsx).
export const mapPointLabels = {
  list: "Kies een plek uit de lijst",
  noListChoice: "Geen plek uit de lijst",
  addressAfterList: "Of vul een adres of straat in",
  address: "Adres of straat",
  mapLegend: "Of kies een plek op de kaart",
  mapLegendOnly: "Plek op de kaart",
  mapDescription:
    "Zonder kaart vult u de breedtegraad en lengtegraad in. U vindt die bijvoorbeeld in een kaart-app.",
};
