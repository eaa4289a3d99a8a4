import type { LoaderFunctionArgs } from "@remix-run/node";
import { draftPhotoResponse } from "~/domain/initiatives/photo.server";
import { draftToken } from "~/domain/initiatives/quickscan-flow.server";
import { loadDraft } from "~/domain/initiatives/submission.server";

// /idee/nieuw/foto/<width>.webp — the photo of the quickscan draft behind this browser's cookie.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const draft = await loadDraft(draftToken(request));
  return draftPhotoResponse(draft?.photoId, params.file ?? "");
}
