// The client against a running stack (./kdnet up, or .ci/client): the README's three typical calls, a paged
// list, problem responses and a conditional PUT. KDNET_URL is the gateway (default http://localhost:8080);
// tokens come from ./kdnet token, or KDNET_TOKEN.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { createKdnetClient } from "../src/index.js";

const baseUrl = process.env.KDNET_URL ?? "http://localhost:8080";
const KDNET = "8d799b49-b40f-3350-968d-c8a27856ec84"; // the body of KD-Net's chief executives
const MEETING = "07a4b46e-1a2a-3cc6-a7f5-d7af7661deb3"; // 2023-08-25
const AARHUS = "3a2f36c7-1028-3fa6-a05f-9b3d96d71139";

function secretariatToken(): string {
  const kdnet = fileURLToPath(new URL("../../../../kdnet", import.meta.url)); // from dist/test/
  return process.env.KDNET_TOKEN ?? execFileSync(kdnet, ["token", "--role", "secretariat"], { encoding: "utf8" }).trim();
}

const anonymous = createKdnetClient({ baseUrl });
const secretariat = createKdnetClient({ baseUrl, token: secretariatToken() });

test("the meetings of a body in a year, earliest first", async () => {
  const { data, error, response } = await anonymous.GET("/api/meetings", {
    params: { query: { body: KDNET, year: 2023 } },
  });
  assert.equal(response.status, 200, JSON.stringify(error));
  assert.ok(data);
  assert.ok(data.total >= 3, `${data.total} meetings: the reference data has 3`);
  assert.equal(data.items.length, data.total);
  assert.ok(data.items.every((meeting) => meeting.bodyId === KDNET));
  const starts = data.items.map((meeting) => meeting.startsAt);
  assert.deepEqual(starts, [...starts].sort());
  assert.ok(starts.every((start) => start.startsWith("2023-")), starts.join());
});

test("a published agenda: its items in order, and as PDF", async () => {
  const { data, response } = await anonymous.GET("/api/meetings/{meetingId}/items", {
    params: { path: { meetingId: MEETING } },
  });
  assert.equal(response.status, 200);
  assert.ok(data && data.length > 0);
  assert.ok(data.every((item) => item.meetingId === MEETING));
  // Published, so numbered; the agenda's order is the numbers' order.
  const numbers = data.map((item) => Number(item.number));
  assert.ok(numbers.every(Number.isInteger), numbers.join());
  assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b));

  const pdf = await anonymous.GET("/api/meetings/{id}/agenda.pdf", {
    params: { path: { id: MEETING } },
    parseAs: "arrayBuffer",
  });
  assert.equal(pdf.response.status, 200);
  assert.equal(pdf.response.headers.get("Content-Type"), "application/pdf");
  assert.ok(pdf.data);
  assert.equal(Buffer.from(pdf.data).subarray(0, 5).toString("latin1"), "%PDF-");
});

test("a municipality's charges for a year, each with its breakdown", async () => {
  const { data, response } = await anonymous.GET("/api/economy/charges", {
    params: { query: { organization: AARHUS, year: 2024 } },
  });
  assert.equal(response.status, 200);
  assert.ok(data && data.items.length > 0);
  assert.equal(data.total, data.items.length);
  for (const charge of data.items) {
    assert.equal(charge.organizationId, AARHUS);
    assert.equal(charge.year, 2024);
    assert.equal(typeof charge.amount, "number");
    assert.ok(charge.breakdown);
  }
});

test("a paged list: every organization once, page by page", async () => {
  const size = 7;
  const ids: string[] = [];
  let total = Infinity;
  for (let page = 0; ids.length < total; page++) {
    const { data, response } = await anonymous.GET("/api/groups/organizations", {
      params: { query: { page, size } },
    });
    assert.equal(response.status, 200);
    assert.ok(data);
    const { items, ...paging } = data;
    total = paging.total;
    assert.deepEqual(paging, { page, size, total });
    assert.equal(items.length, Math.min(size, total - page * size));
    assert.ok(items.length > 0, `page ${page} is empty though only ${ids.length} of ${total} were read`);
    ids.push(...items.map((organization) => organization.id));
  }
  assert.ok(total >= 20, `${total} organizations: the reference data has 20`);
  assert.equal(new Set(ids).size, total);
  assert.ok(ids.includes(AARHUS));
});

test("problem responses: an unknown id and invalid input", async () => {
  const missing = await anonymous.GET("/api/groups/organizations/{id}", { params: { path: { id: randomUUID() } } });
  assert.equal(missing.response.status, 404);
  assert.equal(missing.response.headers.get("Content-Type"), "application/problem+json");
  assert.equal(missing.data, undefined);
  assert.equal(missing.error?.type, "https://kdnet.dk/problems/not-found");
  assert.equal(missing.error?.status, 404);

  const invalid = await secretariat.POST("/api/groups/organizations", {
    body: { kind: "MUNICIPALITY", name: " ", municipalityCode: "75" },
  });
  assert.equal(invalid.response.status, 400);
  assert.equal(invalid.error?.type, "https://kdnet.dk/problems/validation");
  assert.deepEqual(invalid.error?.errors?.map((error) => error.field).sort(), ["municipalityCode", "name"]);
});

test("a conditional PUT: If-Match with the ETag read, then a stale one is 412", async () => {
  const path = { id: AARHUS };
  const read = await secretariat.GET("/api/groups/organizations/{id}", { params: { path } });
  assert.equal(read.response.status, 200);
  const etag = read.response.headers.get("ETag");
  assert.ok(read.data && etag);
  const asRead = read.data; // a PUT replaces the resource: every field as read, read-only ones included
  const { shortName } = asRead;

  const changed = await secretariat.PUT("/api/groups/organizations/{id}", {
    params: { path, header: { "If-Match": etag } },
    body: { ...asRead, shortName: "Aarhus (test)" },
  });
  assert.equal(changed.response.status, 200, JSON.stringify(changed.error));
  assert.equal(changed.data?.shortName, "Aarhus (test)");
  const newEtag = changed.response.headers.get("ETag");
  assert.ok(newEtag && newEtag !== etag);

  const stale = await secretariat.PUT("/api/groups/organizations/{id}", {
    params: { path, header: { "If-Match": etag } },
    body: { ...asRead, shortName: "Someone else's" },
  });
  assert.equal(stale.response.status, 412);
  assert.equal(stale.error?.type, "https://kdnet.dk/problems/precondition-failed");

  const restored = await secretariat.PUT("/api/groups/organizations/{id}", {
    params: { path, header: { "If-Match": newEtag } },
    body: asRead,
  });
  assert.equal(restored.response.status, 200, JSON.stringify(restored.error));
  assert.equal(restored.data?.shortName, shortName);
});
