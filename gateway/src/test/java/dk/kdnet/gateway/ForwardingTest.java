package dk.kdnet.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dk.kdnet.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What reaches a service through the gateway, with a stub in the service's place that answers each POST with the
 * Content-Length and body it received, and a GET with how many POSTs it has received: bodies of every kind of client
 * arrive whole and with their length; and with two instances that hold their calls in another service's place, what a
 * caller who hangs up leaves behind.
 */
@QuarkusTest
@TestProfile(ForwardingTest.StubService.class)
class ForwardingTest {

    private static final int MAX_BODY = 1024;

    /** The stub is started while the profile is read, in another class loader than the tests': state stays in it. */
    private static HttpServer stub;

    public static class StubService implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            var config = new HashMap<>(TestInfrastructure.verifierConfig());
            config.put("kdnet.gateway.services.groups", "http://127.0.0.1:" + stub().getAddress().getPort());
            config.put("kdnet.gateway.services.meetings", slow().stream()
                    .map(server -> "http://127.0.0.1:" + server.getAddress().getPort()).collect(Collectors.joining(",")));
            config.put("kdnet.gateway.services.economy", "http://127.0.0.1:" + dropsFirst().getAddress().getPort());
            config.put("kdnet.gateway.max-body-size", Integer.toString(MAX_BODY));
            config.put("kdnet.gateway.rate-limit.requests", "100000");
            config.putAll(TestInfrastructure.gatewayDatabase());
            return config;
        }
    }

    private static synchronized HttpServer stub() {
        if (stub == null) {
            stub = localServer();
            var posts = new AtomicInteger();
            stub.createContext("/", exchange -> {
                var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                var post = "POST".equals(exchange.getRequestMethod());
                var answer = (post ? exchange.getRequestHeaders().getFirst("Content-Length") + " " + body
                        : Integer.toString(posts.get())).getBytes(StandardCharsets.UTF_8);
                if (post) {
                    posts.incrementAndGet();
                }
                exchange.sendResponseHeaders(post ? 201 : 200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            stub.start();
        }
        return stub;
    }

    /**
     * Two instances of a service that hold each API call until {@code /release}; {@code /calls} answers at once how
     * many they got.
     */
    private static List<HttpServer> slow;

    private static synchronized List<HttpServer> slow() {
        if (slow == null) {
            slow = new ArrayList<>();
            for (var i = 0; i < 2; i++) {
                var server = localServer();
                var calls = new AtomicInteger();
                var release = new CountDownLatch(1);
                server.setExecutor(Executors.newCachedThreadPool());
                server.createContext("/", exchange -> {
                    var path = exchange.getRequestURI().getPath();
                    if (path.equals("/calls")) {
                        var answer = Integer.toString(calls.get()).getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, answer.length);
                        exchange.getResponseBody().write(answer);
                    } else if (path.equals("/release")) {
                        release.countDown();
                        exchange.sendResponseHeaders(204, -1);
                    } else if (path.startsWith("/q/")) {
                        // The gateway's readiness checks.
                        exchange.sendResponseHeaders(200, -1);
                    } else {
                        calls.incrementAndGet();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                            exchange.sendResponseHeaders(200, -1);
                        } catch (InterruptedException | IOException e) {
                            // The gateway let go of the call.
                        }
                    }
                    exchange.close();
                });
                server.start();
                slow.add(server);
            }
        }
        return slow;
    }

    /**
     * One instance that closes the connection of its first API call without answering, as a service does with a
     * kept-alive connection it lets go of just as the gateway sends on it; it answers the calls after that with how
     * many it got.
     */
    private static HttpServer dropsFirst;

    private static synchronized HttpServer dropsFirst() {
        if (dropsFirst == null) {
            dropsFirst = localServer();
            var calls = new AtomicInteger();
            dropsFirst.createContext("/", exchange -> {
                if (!exchange.getRequestURI().getPath().startsWith("/q/") && calls.incrementAndGet() > 1) {
                    var answer = Integer.toString(calls.get()).getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, answer.length);
                    exchange.getResponseBody().write(answer);
                } else if (exchange.getRequestURI().getPath().startsWith("/q/")) {
                    exchange.sendResponseHeaders(200, -1);
                }
                // The first call: closed without an answer.
                exchange.close();
            });
            dropsFirst.start();
        }
        return dropsFirst;
    }

    /** The calls the slow service's instances got, asked of each instance the gateway was configured with. */
    private static int slowCalls() throws Exception {
        var sum = 0;
        for (var url : slowInstances()) {
            sum += Integer.parseInt(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/calls"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
        }
        return sum;
    }

    /** The slow service's instances, as the gateway was configured with them (the stubs live in another loader). */
    private static String[] slowInstances() {
        return ConfigProvider.getConfig().getValue("kdnet.gateway.services.meetings", String.class).split(",");
    }

    private static HttpServer localServer() {
        try {
            return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POSTs the stub has received so far. */
    private static int posts() throws Exception {
        return Integer.parseInt(HttpClient.newHttpClient().send(HttpRequest.newBuilder(organizations()).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static URI organizations() {
        return URI.create("http://127.0.0.1:" + RestAssured.port + "/api/groups/organizations");
    }

    private static HttpRequest.Builder post(HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(organizations()).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TestInfrastructure.tokens().forRole("secretariat"))
                .header("Content-Type", "application/json").POST(body);
    }

    @Test
    void aClientAskingForHttp2OverPlainHttpIsAnsweredInHttp11WithItsBodyWhole() throws Exception {
        // Java's HttpClient asks a plain-HTTP server to upgrade to HTTP/2 (h2c) with its first request, as the ESDH
        // systems' clients may; the gateway answers in HTTP/1.1 (NoClearTextHttp2).
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        for (var i = 0; i < 3; i++) {
            var body = "{\"kind\":\"OTHER\",\"name\":\"Asked for HTTP/2 " + i + "\"}";
            var response = client.send(post(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, response.statusCode(), response.body());
            assertEquals(HttpClient.Version.HTTP_1_1, response.version());
            assertEquals(body.length() + " " + body, response.body(), "the service's Content-Length and body");
        }
    }

    @Test
    void aChunkedBodyArrivesWholeWithItsLength() throws Exception {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var body = "{\"kind\":\"OTHER\",\"name\":\"Chunked\"}";
        // A stream's length is unknown to the client: it sends the body chunked.
        var response = client.send(post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        assertEquals(body.length() + " " + body, response.body(), "the service's Content-Length and body");
    }

    @Test
    void aBodyWithoutLengthOverTheLimitIsRefusedAndNeverSent() throws Exception {
        var before = posts();
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var body = "{\"name\":\"" + "x".repeat(MAX_BODY) + "\"}";
        var response = client.send(post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"type\":\"https://kdnet.dk/problems/payload-too-large\""),
                response.body());
        assertEquals(before, posts(), "the service got nothing");
    }

    @Test
    void requestMetricsAreCountedByAreaNotByPath() throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(organizations() + "/" + UUID.randomUUID()))
                .build(), HttpResponse.BodyHandlers.discarding());
        var metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + RestAssured.port + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(metrics.contains("uri=\"/api/groups/*\""), "a series for the area");
        assertFalse(metrics.contains("uri=\"/api/groups/organizations"), "none for a path");
    }

    @Test
    void aCallerWhoHangsUpIsNotRetriedOnAnotherInstance() throws Exception {
        // A read that failed before any answer goes once to another instance; a caller who hung up is no such failure.
        try (var socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.getOutputStream().write(("GET /api/meetings/meetings HTTP/1.1\r\nHost: gateway\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> slowCalls() == 1);
        }
        try {
            // A retry follows the reset at once: the other instance would have been called within this while.
            await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3))
                    .until(() -> slowCalls() == 1);
        } finally {
            for (var url : slowInstances()) {
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/release")).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    @Test
    void aReadWhoseConnectionTheOnlyInstanceClosedIsTriedAgainOnANewOne() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + RestAssured.port + "/api/economy/charges")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("2", response.body(), "the instance's second call answered");
    }
}
