package dk.kdnet.gateway.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code GET /api/stream} in the merged OpenAPI document: the gateway's own operation, next to the services'. */
public final class StreamDocument {

    public static final String PATH = StreamRoutes.PATH;
    public static final String TAG = "Live stream";

    private static final String OPERATION = """
            {
              "get": {
                "tags": ["Live stream"],
                "operationId": "stream",
                "summary": "Every change the caller may see, live, as Server-Sent Events (text/event-stream)",
                "description": "Each message is a CloudEvent in JSON (`data:`), named by its type (`event:`), with a position (`id:`) to resume from: a browser's EventSource sends it back as `Last-Event-ID` when it reconnects, and the stream carries on with every event missed since, in order, for as long as Kafka keeps them (at least 24 h). A position older than that gets one `reload` event: reload what you show, the stream goes on from there. The first message is `ready`, with the position the stream starts at. A comment line every 15 s keeps the connection. What each caller sees is what its GETs show: anonymous callers and client tokens never see a closed item, a draft or a decision before the minutes are approved, nor the decision a change refers to; a client token limited to an organization sees that organization's charges only; members and the secretariat see everything. The event types and their data are in /asyncapi.yaml. A client that reads slower than events arrive is disconnected (it reconnects and catches up). Filters: a parameter given more than once (or comma-separated) matches any of its values; different parameters must all match.",
                "parameters": [
                  {"name": "type", "in": "query", "description": "CloudEvent types, or prefixes ending in *", "style": "form", "explode": true,
                   "schema": {"type": "array", "items": {"type": "string"}}, "example": ["dk.kdnet.meetings.*"]},
                  {"name": "body", "in": "query", "description": "Events naming one of these bodies (bodyId)", "style": "form", "explode": true,
                   "schema": {"type": "array", "items": {"type": "string", "format": "uuid"}}},
                  {"name": "meeting", "in": "query", "description": "Events naming one of these meetings (meetingId)", "style": "form", "explode": true,
                   "schema": {"type": "array", "items": {"type": "string", "format": "uuid"}}},
                  {"name": "collaboration", "in": "query", "description": "Events naming one of these collaborations (collaborationId, or a charge of a scheme it owns)", "style": "form", "explode": true,
                   "schema": {"type": "array", "items": {"type": "string", "format": "uuid"}}},
                  {"name": "organization", "in": "query", "description": "Events naming one of these organizations (organizationId)", "style": "form", "explode": true,
                   "schema": {"type": "array", "items": {"type": "string", "format": "uuid"}}},
                  {"name": "Last-Event-ID", "in": "header", "description": "The id of the last message received: the stream resumes after it", "schema": {"type": "string"}},
                  {"name": "lastEventId", "in": "query", "description": "As the Last-Event-ID header, for clients that cannot send headers (the header wins)", "schema": {"type": "string"}},
                  {"name": "access_token", "in": "query", "description": "The bearer token, for a browser's EventSource, which cannot send an Authorization header (RFC 6750 section 2.3; it may end up in access logs: prefer the header)", "schema": {"type": "string"}}
                ],
                "responses": {
                  "200": {"description": "The stream, open until either side closes it",
                    "content": {"text/event-stream": {"schema": {"type": "string"},
                      "example": "retry: 2000\\n\\nid: 1~meetings.meetings:0.4.2\\nevent: ready\\ndata: {}\\n\\nid: 1~meetings.meetings:0.5.2\\nevent: dk.kdnet.meetings.agenda-published.v1\\ndata: {\\"specversion\\":\\"1.0\\",\\"id\\":\\"5f0c...\\",\\"source\\":\\"/kdnet/meetings-service\\",\\"type\\":\\"dk.kdnet.meetings.agenda-published.v1\\",\\"subject\\":\\"07a4b46e-1a2a-3cc6-a7f5-d7af7661deb3\\",\\"time\\":\\"2023-08-18T09:00:00Z\\",\\"datacontenttype\\":\\"application/json\\",\\"data\\":{}}\\n\\n"}}},
                  "400": {"description": "A filter that is not an id, or a Last-Event-ID that is not a position of this stream",
                    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"},
                      "example": {"type": "https://kdnet.dk/problems/validation", "title": "Invalid request", "status": 400, "detail": "1 field is invalid", "instance": "/api/stream", "errors": [{"field": "meeting", "message": "meeting must be an id (UUID), not 'x'"}]}}}},
                  "401": {"description": "A token that is not valid",
                    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                  "403": {"description": "A client token whose organization_id is not an organization id",
                    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                  "429": {"description": "The client (token subject, or address when anonymous) has the most streams open it may have (5 by default), or is over the rate limit",
                    "headers": {"Retry-After": {"description": "Seconds to wait before trying again", "required": true, "schema": {"type": "integer", "minimum": 1}}},
                    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"},
                      "example": {"type": "https://kdnet.dk/problems/too-many-requests", "title": "Too many requests", "status": 429, "detail": "At most 5 streams may be open at once per client; close one, or retry after 10 s.", "instance": "/api/stream"}}}}
                }
              }
            }
            """;

    private StreamDocument() {}

    /** The path item of the stream. */
    public static ObjectNode pathItem(ObjectMapper json) {
        try {
            return (ObjectNode) json.readTree(OPERATION);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stream's OpenAPI operation is not JSON", e);
        }
    }

    public static ObjectNode tag(ObjectMapper json) {
        return json.createObjectNode().put("name", TAG).put("description",
                "The events of all services as Server-Sent Events, for browsers (EventSource) and other clients outside"
                        + " the cluster");
    }
}
