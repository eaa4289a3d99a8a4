import { z } from "zod";
import {
  emailField,
  type FieldErrors,
  type FormValues,
  formToObject,
  parseForm,
  requiredText,
  str,
} from "../../lib/forms";
import type { Actor } from "../audit/audit.server";
import { roles } from "./roles";
import { changeRoles, inviteStaffUser, StaffUserError, setActive } from "./staff-users.server";

// The forms of /beheer/gebruikers: one function reads the intent, parses it and runs it, and returns what
// the page shows (docs/architecture.md: where forms are parsed).

const rolesField = z.array(z.enum(roles)).min(1, "Kies minstens één rol.");

export const inviteSchema = z.object({
  name: requiredText(200, "Vul de naam in."),
  email: emailField("Vul het e-mailadres in."),
  roles: rolesField,
});
const rolesSchema = z.object({ userId: z.string().min(1), roles: rolesField });
const activeSchema = z.object({ userId: z.string().min(1), active: z.enum(["ja", "nee"]) });

export type StaffUsersIntent = "uitnodigen" | "rollen" | "actief";

export interface StaffUsersOutcome {
  intent: string;
  /** The user row a message belongs to (roles and active forms). */
  userId?: string;
  errors: FieldErrors;
  values: FormValues;
  message: string | null;
  ok: boolean;
  status: number;
}

function outcome(partial: Partial<StaffUsersOutcome> & { intent: string }, status = 200): StaffUsersOutcome {
  return { errors: {}, values: {}, message: null, ok: status < 400, status, ...partial };
}

export async function handleStaffUsersPost(actor: Actor, form: FormData): Promise<StaffUsersOutcome> {
  const intent = String(form.get("intent") ?? "");
  try {
    if (intent === "invite") {
      const parsed = parseForm(inviteSchema, form, { multi: ["roles"] });
      if (!parsed.ok) return outcome({ intent, errors: parsed.errors, values: parsed.values }, 400);
      const { user } = await inviteStaffUser(parsed.data, actor);
      return outcome({
        intent,
        message: `${user.name} is uitgenodigd. De uitnodiging is per e-mail verstuurd.`,
      });
    }
    if (intent === "change_roles") {
      const parsed = parseForm(rolesSchema, form, { multi: ["roles"] });
      const userId = str(parsed.values, "userId");
      if (!parsed.ok)
        return outcome({ intent, userId, message: parsed.errors.roles ?? "Dit verzoek klopt niet." }, 400);
      await changeRoles(parsed.data.userId, parsed.data.roles, actor);
      return outcome({ intent, userId, message: "De rollen zijn opgeslagen." });
    }
    if (intent === "set_active") {
      const parsed = parseForm(activeSchema, form);
      if (!parsed.ok) return outcome({ intent, message: "Dit verzoek klopt niet." }, 400);
      const active = parsed.data.active === "ja";
      await setActive(parsed.data.userId, active, actor);
      return outcome({
        intent,
        userId: parsed.data.userId,
        message: active ? "Het account staat weer aan." : "Het account staat uit. De gebruiker is uitgelogd.",
      });
    }
    return outcome({ intent, message: "Dit verzoek klopt niet. Probeer het opnieuw." }, 400);
  } catch (error) {
    if (!(error instanceof StaffUserError)) throw error;
    if (intent === "invite")
      return outcome(
        {
          intent,
          errors: { [error.field ?? "_form"]: error.message },
          values: formToObject(form, ["roles"]),
        },
        400,
      );
    return outcome({ intent, userId: String(form.get("userId") ?? ""), message: error.message }, 400);
  }
}
