import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { components, operations, paths } from "./schema.js";

export type { components, operations, paths };

/** The API's named schemas, e.g. `Schemas["Organization"]`. */
export type Schemas = components["schemas"];

/** An RFC 9457 problem document: switch on its `type`. */
export type Problem = components["schemas"]["Problem"];

export type KdnetClient = Client<paths>;

export interface KdnetClientOptions extends ClientOptions {
  /** The gateway, e.g. `http://localhost:8080`. */
  baseUrl: string;
  /** A bearer token, or a function that gives the current one for each request (none: anonymous). */
  token?: string | (() => string | undefined | Promise<string | undefined>);
}

/**
 * A client of the whole API through the gateway: `client.GET("/api/meetings", { params: { query: { year: 2023 } } })`
 * answers `{ data, error, response }`, typed by the operation (error is the problem document).
 */
export function createKdnetClient({ token, ...options }: KdnetClientOptions): KdnetClient {
  const client = createClient<paths>(options);
  if (token !== undefined) {
    client.use({
      async onRequest({ request }) {
        const current = typeof token === "function" ? await token() : token;
        if (current) {
          request.headers.set("Authorization", `Bearer ${current}`);
        }
        return request;
      },
    });
  }
  return client;
}
