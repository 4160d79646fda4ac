// Verifies every webhook notifications-service's tests received (notifications-service/target/webhook-samples.json:
// secret, headers, body as they arrived) with the Standard Webhooks library a municipality would use, and checks that
// a changed body or another secret is refused. The clock is set to each sample's arrival, as the check runs later.
import { readFileSync } from "node:fs";
import { Webhook } from "standardwebhooks";

const file = process.argv[2] ?? "../../notifications-service/target/webhook-samples.json";
const samples = JSON.parse(readFileSync(file, "utf8"));
if (samples.length === 0) throw new Error(`${file}: no samples`);
const realNow = Date.now;
let verified = 0;
for (const { secret, headers, body } of samples) {
  Date.now = () => Number(headers["webhook-timestamp"]) * 1000;
  try {
    const event = new Webhook(secret).verify(body, headers);
    if (event.id !== headers["webhook-id"]) throw new Error(`body id ${event.id} is not webhook-id ${headers["webhook-id"]}`);
    for (const [what, tampered] of [
      ["a changed body", () => new Webhook(secret).verify(body.replace(/}$/, ' }'), headers)],
      ["another secret", () => new Webhook("whsec_" + Buffer.alloc(32, 7).toString("base64")).verify(body, headers)],
    ]) {
      let refused = false;
      try { tampered(); } catch { refused = true; }
      if (!refused) throw new Error(`${headers["webhook-id"]}: ${what} was not refused`);
    }
    verified++;
  } finally {
    Date.now = realNow;
  }
}
console.log(`webhooks: ${verified} of ${samples.length} deliveries verified with standardwebhooks`);
