// The kept OpenAPI document, api/openapi.json, against the one the build serves (system-tests/target/openapi.json).
//   node api-document.mjs same <kept> <built>   exit 0 if they say the same (object key order aside), else 1
//   node api-document.mjs write <built> <kept>  write the built document as the kept one (2-space JSON)
import { readFileSync, writeFileSync } from "node:fs";

const [command, from, to] = process.argv.slice(2);
const read = (path) => JSON.parse(readFileSync(path, "utf8"));

// The gateway merges the services' documents in its own order; only the content matters.
function canonical(value) {
  if (Array.isArray(value)) {
    return value.map(canonical);
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical(value[key])]));
  }
  return value;
}

if (command === "same") {
  process.exit(JSON.stringify(canonical(read(from))) === JSON.stringify(canonical(read(to))) ? 0 : 1);
} else if (command === "write") {
  writeFileSync(to, JSON.stringify(read(from), null, 2) + "\n");
} else {
  console.error("usage: node api-document.mjs same <kept> <built> | write <built> <kept>");
  process.exit(2);
}
