package dk.kdnet.testing.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The RestAssured filter every {@code @QuarkusTest} gets: it finds the document the server publishes at
 * {@code /q/openapi}, checks the exchange against it and leaves the response readable for the test.
 */
class ContractRecorderTest {

    private static final String PATH = "/api/groups/organizations/3a2f36c7-1028-3fa6-a05f-9b3d96d71139";
    private static HttpServer server;

    @BeforeAll
    static void serveAServiceWhoseDocumentForgetsNull() throws IOException {
        var document = resource("/contract/organizations.json").replace("\"CVR_TYPE\"", "\"string\"");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var path = exchange.getRequestURI().getPath();
            exchange.getRequestBody().readAllBytes();
            if (path.equals("/q/openapi")) {
                answer(exchange, 200, "application/json", document);
            } else if (path.equals(PATH)) {
                answer(exchange, 200, "application/json", """
                        {"id":"3a2f36c7-1028-3fa6-a05f-9b3d96d71139","kind":"MUNICIPALITY","name":"Aarhus Kommune",\
                        "cvr":null}""");
            } else {
                answer(exchange, 404, "application/problem+json", "{\"type\":\"x\",\"status\":404}");
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @BeforeEach
    void forgetEarlierViolations() {
        ContractRecorder.drain();
    }

    @Test
    void aRestAssuredCallIsCheckedAgainstTheServersOwnDocument() {
        given().filter(ContractRecorder.FILTER).baseUri("http://127.0.0.1").port(server.getAddress().getPort())
                .get(PATH).then().statusCode(200).body("name", equalTo("Aarhus Kommune"));

        assertEquals(List.of("GET /api/groups/organizations/{id} (getOrganization) -> 200, response field /cvr = null"
                + ": null found, string expected"), ContractRecorder.drain().stream().map(Violation::toString)
                .toList());
    }

    @Test
    void anAcceptedRequestBodyAsRestAssuredSerializesItIsChecked() {
        given().filter(ContractRecorder.FILTER).baseUri("http://127.0.0.1").port(server.getAddress().getPort())
                .contentType("application/json").body(Map.of("kind", "COUNTY", "name", "Aarhus Kommune"))
                .put(PATH).then().statusCode(200);

        assertEquals(List.of("request /kind \"COUNTY\"", "response /cvr null"), ContractRecorder.drain().stream()
                .map(v -> v.where() + " " + v.field() + " " + v.value()).sorted().toList());
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ContractRecorderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
