package dk.kdnet.testing.contract;

import io.restassured.filter.Filter;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every exchange of a test against the OpenAPI document of the server it went to, and keeps the violations
 * until the test asks for them ({@link #drain}). The document is the one the server publishes: the gateway's merged
 * {@code /openapi}, or a service's own {@code /q/openapi}. RestAssured calls are checked by {@link #FILTER}; a test
 * that uses another HTTP client hands its exchanges to {@link #check}.
 *
 * <p>Each distinct violation is also appended to {@code target/contract-violations.txt} of the module under test.
 */
public final class ContractRecorder {

    /** Checks each RestAssured exchange; installed for every {@code @QuarkusTest} by {@link ContractCallbacks}. */
    public static final Filter FILTER = (request, responseSpec, context) -> {
        Response response = context.next(request, responseSpec);
        var uri = URI.create(request.getURI());
        String body = switch (request.getBody()) {
            case null -> request.getMultiPartParams().isEmpty() ? null : "";
            case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
            case Object text -> text.toString();
        };
        check(uri, new Exchange(request.getMethod(), uri.getRawPath(), request.getContentType(), body,
                response.statusCode(), response.contentType(), response.asByteArray()));
        return response;
    };

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Path REPORT = Path.of("target", "contract-violations.txt");

    /** The document text each server answered, until the test class changes. */
    private static final Map<String, String> DOCUMENTS = new ConcurrentHashMap<>();
    /** Contracts by document text, so the same document is compiled once per JVM. */
    private static final Map<String, OpenApiContract> CONTRACTS = new ConcurrentHashMap<>();
    private static final List<Violation> VIOLATIONS = new ArrayList<>();
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private ContractRecorder() {}

    /** Checks one exchange with the server at {@code uri}; the violations are kept for {@link #drain}. */
    public static void check(URI uri, Exchange exchange) {
        if (!exchange.path().startsWith("/api/")) {
            return;
        }
        var origin = uri.getScheme() + "://" + uri.getAuthority();
        var text = DOCUMENTS.computeIfAbsent(origin, ContractRecorder::fetch);
        var contract = CONTRACTS.computeIfAbsent(text, OpenApiContract::of);
        if (!contract.unavailableAreas().isEmpty()) {
            // The gateway could not reach a service: ask again next time rather than keep a partial document.
            DOCUMENTS.remove(origin);
        }
        var violations = contract.check(exchange);
        synchronized (VIOLATIONS) {
            VIOLATIONS.addAll(violations);
        }
        report(violations);
    }

    /** The violations since the last call. */
    public static List<Violation> drain() {
        synchronized (VIOLATIONS) {
            var drained = List.copyOf(VIOLATIONS);
            VIOLATIONS.clear();
            return drained;
        }
    }

    /** Fetch documents afresh: another test class may run another application on the same port. */
    static void forgetDocuments() {
        DOCUMENTS.clear();
    }

    private static String fetch(String origin) {
        for (var path : List.of("/openapi", "/q/openapi?format=json")) {
            try {
                var response = HTTP.send(HttpRequest.newBuilder(URI.create(origin + path))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"openapi\"")) {
                    return response.body();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no OpenAPI document from " + origin + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(origin + " publishes no OpenAPI document at /openapi or /q/openapi,"
                + " so its answers cannot be checked");
    }

    private static void report(List<Violation> violations) {
        var lines = new ArrayList<String>();
        for (var violation : violations) {
            if (REPORTED.add(violation.key())) {
                lines.add(violation.toString());
            }
        }
        if (lines.isEmpty() || !Files.isDirectory(REPORT.getParent())) {
            return;
        }
        try {
            synchronized (REPORT) {
                // A report left by an earlier run of the module starts afresh.
                var started = ProcessHandle.current().info().startInstant().orElseThrow();
                if (Files.exists(REPORT) && Files.getLastModifiedTime(REPORT).toInstant().isBefore(started)) {
                    Files.delete(REPORT);
                }
                Files.write(REPORT, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
