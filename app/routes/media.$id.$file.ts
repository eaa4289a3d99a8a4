import type { LoaderFunctionArgs } from "@remix-run/node";
import { imageResponse } from "~/domain/media/images.server";

// /media/<id>/<width>.webp — one stored width of an uploaded image (app/domain/media).
export async function loader({ params }: LoaderFunctionArgs) {
  return imageResponse(params.id ?? "", params.file ?? "");
}
