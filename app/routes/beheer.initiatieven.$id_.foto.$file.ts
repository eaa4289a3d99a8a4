import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { staffPhotoResponse } from "~/domain/initiatives/photo.server";

// /beheer/initiatieven/<id>/foto/<width>.webp — the photo sent with an idea, for staff.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.initiatieven.$id_.foto.$file"]);
  return staffPhotoResponse(params.id ?? "", params.file ?? "");
}
