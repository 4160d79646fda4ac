package dk.kdnet.meetings.access;

import static dk.kdnet.meetings.Fixtures.action;
import static dk.kdnet.meetings.Fixtures.addItemJson;
import static dk.kdnet.meetings.Fixtures.approveMinutesAt;
import static dk.kdnet.meetings.Fixtures.schedule;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dk.kdnet.meetings.Fixtures;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import dk.kdnet.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * A closed item never reaches an anonymous caller or a system integration's client, whatever GET operation the
 * service offers: the walk reads the service's own OpenAPI document, so an operation added later is walked too, and
 * one whose path parameters the walk cannot fill fails the test instead of being skipped. The ESDH client's walk
 * finds the closed item in the ESDH package, marked closed, and nowhere else.
 */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class ClosedItemWalkTest extends AsSecretariat {

    /** Every confidential text of the closed item contains this word (or {@link #SECRET_DOCUMENT}). */
    private static final String SECRET = "Zorblax";
    private static final String SECRET_DOCUMENT = "ZB-4711";
    private static final String REASON = "Offentlighedslovens § 30, nr. 1 (personalesag)";
    private static final String OPEN_TITLE = "Kollektiv trafik i regionen";
    private static final String OPEN_DECISION = "Trafikplanen blev vedtaget";
    private static final String OPEN_FILE = "Køreplanens hovedtal";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** The ids the walk fills path parameters with, and the closed item's ids that must never be answered. */
    private record Built(UUID body, UUID meeting, UUID openItem, UUID closedItem, UUID closedDecision,
            List<UUID> openAttachments, List<UUID> closedAttachments) {

        List<String> closedIds() {
            var ids = new ArrayList<String>(List.of(closedItem.toString(), closedDecision.toString()));
            closedAttachments.forEach(a -> ids.add(a.toString()));
            return ids;
        }
    }

    private static final String ESDH_PACKAGE = "/api/meetings/{id}/esdh-package";

    @Test
    void noGetOperationShowsAClosedItemToAnAnonymousCaller() throws IOException {
        walk(() -> given().auth().none(), false);
    }

    @Test
    void noGetOperationShowsAClosedItemToAnotherClient() throws IOException {
        walk(() -> given().auth().oauth2(TestInfrastructure.tokens().forClient("aarhus-finance", null)), false);
    }

    @Test
    void theEsdhClientFindsTheClosedItemInTheEsdhPackageAndNowhereElse() throws IOException {
        walk(() -> given().auth().oauth2(TestInfrastructure.tokens().forEsdhClient("esdh-adapter")), true);
    }

    /** {@code filesClosed}: the caller is the ESDH client, whose package holds the closed item. */
    private static void walk(Supplier<RequestSpecification> caller, boolean filesClosed) throws IOException {
        var built = meetingWithApprovedMinutesAndAClosedItem();

        caller.get().get("/api/meetings/items/" + built.closedItem()).then().statusCode(404);
        var openApi = Fixtures.JSON.readTree(given().auth().none().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asByteArray());

        var walked = new LinkedHashMap<String, List<Integer>>();
        var seen = new StringBuilder();
        for (var path : iterable(openApi.get("paths").fieldNames())) {
            var operation = openApi.get("paths").get(path).get("get");
            if (operation == null) {
                continue;
            }
            var query = query(path, operation, built);
            for (var url : urls(path, built)) {
                var response = caller.get().redirects().follow(false).queryParams(query).get(url);
                var text = text(response);
                walked.computeIfAbsent(path, p -> new ArrayList<>()).add(response.statusCode());
                var shown = text.toLowerCase(Locale.ROOT);
                if (filesClosed && path.equals(ESDH_PACKAGE)) {
                    var metadata = text.substring(text.indexOf("metadata.json\n") + "metadata.json\n".length());
                    assertEquals(200, response.statusCode());
                    assertTrue(text.contains(SECRET + "fremstilling om aftalen") && text.contains(SECRET + "indhold")
                            && text.contains(SECRET + "beslutning"), "the ESDH client's package lacks the closed item:\n" + text);
                    // Three closed documents (agenda and minutes excerpt, the file) and the ESDH reference, each marked.
                    assertEquals(4, Fixtures.JSON.readTree(metadata).findValues("access").stream()
                            .filter(a -> a.get("level").asText().equals("CLOSED")
                                    && a.get("reason").asText().equals(REASON)).count(), metadata);
                    seen.append(text);
                    continue;
                }
                assertFalse(shown.contains(SECRET.toLowerCase(Locale.ROOT)), "GET " + url + " shows " + SECRET + ":\n" + text);
                assertFalse(shown.contains(SECRET_DOCUMENT.toLowerCase(Locale.ROOT)), "GET " + url + " shows " + SECRET_DOCUMENT);
                if (built.closedIds().stream().anyMatch(url::contains)) {
                    // The problem names the path asked for; what matters is that nothing is answered (403: a token
                    // without the role the operation needs, whatever item it names).
                    assertTrue(List.of(401, 403, 404).contains(response.statusCode()),
                            "GET " + url + " answers " + response.statusCode() + " for the closed item");
                } else {
                    for (var id : built.closedIds()) {
                        assertFalse(shown.contains(id), "GET " + url + " names the closed item's " + id);
                    }
                }
                seen.append(text);
            }
        }
        walked.forEach((path, statuses) -> System.out.println("walked GET " + path + " -> " + statuses));
        assertEquals(filesClosed, seen.toString().contains(SECRET), "the ESDH package and only it shows the closed item");

        // The walk reached the published material, so its silence about the closed item means something.
        for (var open : List.of(OPEN_TITLE, OPEN_DECISION, OPEN_FILE, built.openItem().toString())) {
            assertTrue(seen.toString().contains(open), "no GET showed " + open);
        }
        for (var expected : List.of("/api/meetings/items/{itemId}", "/api/meetings/{meetingId}/items",
                "/api/meetings/{id}/minutes.pdf", "/api/meetings/{id}/esdh-package", "/api/meetings/search",
                "/api/meetings/items/{itemId}/decision", "/api/meetings/attachments/{id}/content")) {
            assertTrue(walked.containsKey(expected), "the walk did not reach GET " + expected);
        }

        var member = given().auth().oauth2(member());
        member.get("/api/meetings/items/" + built.closedItem()).then().statusCode(200)
                .body("title", containsString(SECRET)).body("closed", equalTo(true));
        given().auth().oauth2(member()).get("/api/meetings/" + built.meeting() + "/decisions").then().statusCode(200)
                .body("id", hasItem(built.closedDecision().toString()));
        given().auth().oauth2(member()).queryParam("q", SECRET).get("/api/meetings/search").then().statusCode(200)
                .body("items.agendaItemId", hasItem(built.closedItem().toString()));
        var minutes = text(given().auth().oauth2(member()).get("/api/meetings/" + built.meeting() + "/minutes.pdf"));
        assertTrue(minutes.contains(SECRET + "beslutning"), minutes);
    }

    /** A held meeting whose minutes a later meeting approved, with an open and a closed item, each decided and with attachments. */
    private static Built meetingWithApprovedMinutesAndAClosedItem() {
        var body = UUID.randomUUID();
        var meeting = schedule(body, "2023-09-01");
        var open = addItemJson(meeting, """
                {"title":"%s","summary":"Om busserne","recommendation":["at KD-Net godkender trafikplanen"]}"""
                .formatted(OPEN_TITLE));
        var closed = addItemJson(meeting, """
                {"title":"%1$s personalesag","summary":"%1$sresume","recommendation":["at %1$sindstilling godkendes"],
                 "casePresentation":"%1$sfremstilling om aftalen","closed":true,"closedReason":"%2$s"}"""
                .formatted(SECRET, REASON));
        var openAttachments = List.of(reference(open, "Trafikplan", "TP-1"), file(open, OPEN_FILE));
        var closedAttachments = List.of(reference(closed, SECRET + "bilag", SECRET_DOCUMENT),
                file(closed, SECRET + "indhold"));
        action(meeting, "publish-agenda");
        action(meeting, "hold");
        decide(open, "{\"outcome\":\"APPROVED\",\"text\":\"%s.\"}".formatted(OPEN_DECISION));
        var closedDecision = decide(closed, """
                {"outcome":"APPROVED","text":"%1$sbeslutning om aftalen","followUps":[{"what":"%1$sopfølgning"}]}"""
                .formatted(SECRET));

        approveMinutesAt(body, "2023-10-06");
        given().get("/api/meetings/" + meeting).then().body("status", equalTo("MINUTES_APPROVED"));
        return new Built(body, meeting, open, closed, closedDecision, openAttachments, closedAttachments);
    }

    private static UUID reference(UUID item, String title, String documentId) {
        return UUID.fromString(given().contentType(ContentType.JSON).body("""
                {"system":"SBSYS","documentId":"%s","title":"%s","url":"https://esdh.example.dk/d/%s"}"""
                .formatted(documentId, title, documentId)).post("/api/meetings/items/" + item + "/attachments")
                .then().statusCode(201).extract().path("id"));
    }

    private static UUID file(UUID item, String content) {
        return UUID.fromString(given().contentType("text/plain").body(content.getBytes(StandardCharsets.UTF_8))
                .queryParam("title", content).queryParam("fileName", content.replace(' ', '-') + ".txt")
                .post("/api/meetings/items/" + item + "/attachments/files").then().statusCode(201).extract().path("id"));
    }

    private static UUID decide(UUID item, String json) {
        return UUID.fromString(given().contentType(ContentType.JSON).body(json)
                .put("/api/meetings/items/" + item + "/decision").then().statusCode(200).extract().path("id"));
    }

    /** The URLs of a GET path: one per combination of the ids its parameters take. */
    private static List<String> urls(String path, Built built) {
        var urls = List.of(path);
        var matcher = PATH_PARAMETER.matcher(path);
        while (matcher.find()) {
            var name = matcher.group(1);
            var next = new ArrayList<String>();
            for (var value : values(path, name, built)) {
                urls.forEach(url -> next.add(url.replace("{" + name + "}", value.toString())));
            }
            urls = next;
        }
        return urls;
    }

    /** The ids a path parameter is filled with; a parameter the walk does not know fails the test. */
    private static List<UUID> values(String path, String name, Built built) {
        // "id" is named by the collection before it: /api/meetings/{id}, /api/meetings/attachments/{id}.
        var owner = path.substring(0, path.indexOf("{" + name + "}"));
        var key = name.equals("id") ? owner : name;
        return switch (key) {
            case "meetingId", "/api/meetings/" -> List.of(built.meeting());
            case "bodyId" -> List.of(built.body());
            case "itemId" -> List.of(built.openItem(), built.closedItem());
            case "/api/meetings/attachments/" -> {
                var all = new ArrayList<>(built.openAttachments());
                all.addAll(built.closedAttachments());
                yield all;
            }
            default -> fail("GET " + path + ": the walk cannot fill the path parameter {" + name + "}; teach it which "
                    + "id of the built meeting belongs there");
        };
    }

    /** Query parameters: the required ones must be known; a body filter narrows lists to the built meeting. */
    private static Map<String, Object> query(String path, JsonNode operation, Built built) {
        var query = new LinkedHashMap<String, Object>();
        for (var parameter : iterable(operation.path("parameters").elements())) {
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            var name = parameter.get("name").asText();
            switch (name) {
                case "q" -> query.put(name, SECRET + " OR " + SECRET_DOCUMENT + " OR trafik");
                case "body" -> query.put(name, built.body());
                default -> {
                    if (parameter.path("required").asBoolean()) {
                        fail("GET " + path + ": the walk cannot fill the required query parameter " + name);
                    }
                }
            }
        }
        return query;
    }

    /** What a response shows: its headers and its body, PDFs and ZIP entries read as text. */
    private static String text(Response response) {
        var text = new StringBuilder(response.statusCode() + "\n");
        response.headers().forEach(h -> text.append(h.getName()).append(": ").append(h.getValue()).append('\n'));
        var type = response.contentType() == null ? "" : response.contentType();
        var bytes = response.asByteArray();
        try {
            if (type.startsWith("application/pdf")) {
                text.append(pdf(bytes));
            } else if (type.startsWith("application/zip")) {
                try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                    for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                        var content = zip.readAllBytes();
                        text.append(entry.getName()).append('\n').append(entry.getName().endsWith(".pdf")
                                ? pdf(content) : new String(content, StandardCharsets.UTF_8)).append('\n');
                    }
                }
            } else {
                text.append(new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            fail("cannot read the " + type + " answered", e);
        }
        return text.toString();
    }

    private static String pdf(byte[] bytes) throws IOException {
        try (var document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
