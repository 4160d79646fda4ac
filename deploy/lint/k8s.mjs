// Renders each overlay of deploy/k8s with kustomize (kubectl's) and validates every resource: the
// Kubernetes kinds against the API's own schemas (kubernetes-models), CloudNativePG's against the
// fields of its CRD (the cdk8s types generated from it: a field they drop is one CloudNativePG does
// not know). Strimzi's resources and the wiring between resources: DeploymentManifestsTest.
import { execFileSync } from "node:child_process";
import { parseAllDocuments } from "yaml";
import { isDeepStrictEqual } from "node:util";
import { toJson_ClusterSpec, toJson_ScheduledBackupSpec } from "@cdk8s-kit/crds/pg";

const here = new URL(".", import.meta.url).pathname;
const overlays = ["local", "production"];
const strimzi = new Set(["Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser"]);
const cnpg = { Cluster: toJson_ClusterSpec, ScheduledBackup: toJson_ScheduledBackupSpec };

async function kubernetesModel(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const module = await import(`kubernetes-models/${group ? group + "/" : ""}${version}/${kind}`);
  return module[kind];
}

// The spec as the cdk8s types take it: their field names camel-case acronyms (endpointURL is endpointUrl),
// and quantities are objects with a value.
function asCdk8s(value, key) {
  if (Array.isArray(value)) return value.map((element) => asCdk8s(element));
  if (value === null || typeof value !== "object") return value;
  const quantities = key === "limits" || key === "requests";
  return Object.fromEntries(Object.entries(value).map(([name, v]) =>
    [name.replace(/[A-Z]{2,}/g, (acronym) => acronym[0] + acronym.slice(1).toLowerCase()),
     quantities ? { value: v } : asCdk8s(v, name)]));
}

// Fields of `given` that `known` lacks, with their paths.
function dropped(given, known, path) {
  if (Array.isArray(given)) {
    return given.flatMap((element, i) => dropped(element, known?.[i], `${path}[${i}]`));
  }
  if (given === null || typeof given !== "object") {
    return isDeepStrictEqual(given, known) ? [] : [`${path} (${JSON.stringify(given)})`];
  }
  return Object.entries(given).flatMap(([key, value]) =>
    known && key in known ? dropped(value, known[key], `${path}.${key}`) : [`${path}.${key}`]);
}

let failures = 0;
let checked = 0;
for (const overlay of overlays) {
  const rendered = execFileSync("kubectl", ["kustomize", `${here}../k8s/overlays/${overlay}`], { encoding: "utf8" });
  for (const document of parseAllDocuments(rendered)) {
    if (document.errors.length) throw document.errors[0];
    const resource = document.toJS();
    if (!resource) continue;
    const where = `${overlay}: ${resource.kind} ${resource.metadata?.name}`;
    try {
      if (strimzi.has(resource.kind)) continue;
      if (cnpg[resource.kind]) {
        if (resource.apiVersion !== "postgresql.cnpg.io/v1") throw new Error(`apiVersion ${resource.apiVersion}`);
        const unknown = dropped(resource.spec, cnpg[resource.kind](asCdk8s(resource.spec)), "spec");
        if (unknown.length) throw new Error(`fields CloudNativePG does not know: ${unknown.join(", ")}`);
      } else {
        const Model = await kubernetesModel(resource.apiVersion, resource.kind);
        new Model(resource).validate();
      }
      checked++;
    } catch (error) {
      failures++;
      console.error(`${where}: ${error.message}`);
    }
  }
}
console.log(`deploy/k8s: ${checked} resources valid, ${failures} invalid`);
process.exit(failures ? 1 : 0);
