// `npm run demo:code`: the demo beheerder's two-factor code of this moment (demo data only).
import { generate } from "otplib";
import { DEMO_TOTP_SECRET } from "../../db/seed/staff";

const code = await generate({ secret: DEMO_TOTP_SECRET });
console.log(`Code voor beheerder@demo.wijmakenheemstede.nl: ${code} (30 seconden geldig)`);
