// Uploaded Word files of a concept document (issue 16, docs/consultation.md): size limit, kind, messages.

export const MAX_DOCX_BYTES = 10 * 1024 * 1024;

export type UploadKind = "docx" | "encrypted" | "other";

/**
 * What an uploaded file is, from its first bytes: a .docx is a ZIP package ("PK"). A password-protected
 * Word file is an OLE compound file (D0 CF 11 E0) holding an "EncryptionInfo" stream; other compound
 * files (old .doc) and everything else are not a .docx.
 */
export function classifyUpload(bytes: Uint8Array): UploadKind {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return "docx";
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (bytes.length >= 8 && ole.every((b, i) => bytes[i] === b)) {
    const marker = Buffer.from("EncryptionInfo", "utf16le");
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker)) return "encrypted";
  }
  return "other";
}

export const uploadMessages = {
  missing: "Kies een Word-bestand (.docx).",
  tooLarge: "Dit bestand is groter dan 10 MB. Maak het bestand kleiner, bijvoorbeeld zonder afbeeldingen.",
  encrypted:
    "Dit Word-bestand is beveiligd met een wachtwoord. Haal het wachtwoord eraf in Word en probeer het opnieuw.",
  notWord: "Dit is geen Word-bestand (.docx). Sla het document in Word op als .docx en probeer het opnieuw.",
  empty: "In dit Word-bestand staat geen tekst die wij kunnen overnemen.",
} as const;
