/**
 * A file for the browser to save (an export, a template, a copy of someone's data): as an attachment,
 * never cached, never sniffed as another type.
 */
export function downloadResponse(
  body: ConstructorParameters<typeof Response>[0],
  contentType: string,
  filename: string,
): Response {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
