import { z } from "zod";

// The one place that reads process.env. Parsed once; the rest of the code imports `env`.
const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string({ required_error: "DATABASE_URL ontbreekt: zet een postgres://-adres of start via npm start." })
    .url("DATABASE_URL moet een geldig postgres://-adres zijn")
    .refine(
      (v) => /^postgres(ql)?:\/\//.test(v),
      "DATABASE_URL moet beginnen met postgres:// of postgresql://",
    ),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  SEED_DEMO: bool.optional(),
  APP_URL: z.string().url().default("http://localhost:3000"),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Wij maken Heemstede <noreply@wijmakenheemstede.nl>"),
  SESSION_SECURE_COOKIE: bool.optional(),
  /** Strict-Transport-Security max-age in seconds, sent only on requests that came in over HTTPS; 0 = off. */
  HSTS_MAX_AGE: z.coerce.number().int().min(0).max(63_072_000).default(31_536_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  MAP_TILE_URL: z
    .string()
    .default("https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"),
  /** Shown on every map; change it together with MAP_TILE_URL. */
  MAP_ATTRIBUTION: z.string().default("Kaartgegevens © Kadaster"),
  PDOK_LOCATIESERVER_URL: z.string().url().optional(),
  JOBS_ENABLED: bool.default("true"),
  /** Where the contact form's notifications go. */
  CONTACT_INBOX: z.string().email("CONTACT_INBOX moet een e-mailadres zijn").default("info@heemstede.nl"),
  /** Where idea mails go when no accounthouder is linked (routing fallback team). */
  INITIATIVES_TEAM_EMAIL: z.string().email().default("initiatieven@heemstede.nl"),
  /** Digipanel invitations and reminders per minute, over all workers; 0 = no limit. */
  PANEL_MAILS_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(300),
  /** SMTP connections one worker uses in parallel for panel mail. */
  PANEL_SMTP_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(10),
});

export type Env = z.infer<typeof envSchema>;

/** Parse an environment; throws one readable error listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
/** The parsed environment, read lazily so scripts can set DATABASE_URL before first use. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Only for tests and the start script, after they changed process.env. */
export function resetEnvForTests() {
  cached = undefined;
}
