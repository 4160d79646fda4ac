// The client's version is the API's: package.json's version must equal info.version of the kept
// document it is generated from (api/openapi.json). A changed API without a new client version, or the
// reverse, fails here.
import { readFileSync } from "node:fs";

const api = JSON.parse(readFileSync(new URL("../../../api/openapi.json", import.meta.url), "utf8"));
const client = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
if (client.version !== api.info.version) {
  console.error(`@kdnet/api-client is version ${client.version}, but api/openapi.json is API version ${api.info.version};`
    + " set clients/typescript/package.json's version to the API's (npm version " + api.info.version + ")");
  process.exit(1);
}
console.log(`@kdnet/api-client ${client.version} = API ${api.info.version}`);
