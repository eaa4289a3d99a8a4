import type { LoaderFunctionArgs } from "@remix-run/node";
import { followPhotoResponse } from "~/domain/initiatives/photo.server";

// /idee/volgen/<token>/foto/<width>.webp — the photo of the idea behind this follow link.
export async function loader({ params }: LoaderFunctionArgs) {
  return followPhotoResponse(params.token ?? "", params.file ?? "");
}
