package dk.kdnet.system;

import static dk.kdnet.system.FlowApi.WITHDRAWAL;
import static dk.kdnet.system.FlowApi.effect;
import static dk.kdnet.system.FlowApi.write;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kdnet.local.KdnetStack;
import dk.kdnet.testing.TestInfrastructure;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/stream} through the gateway on the whole stack: events arrive as they are committed, a reconnect
 * with Last-Event-ID gets exactly what it missed, in order, and an anonymous stream shows nothing a closed item or a
 * draft decision leaves behind, walked over every event the JVM's tests made.
 */
@ExtendWith(SystemStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Last: the walk reads every event the other tests made.
@Order(Order.DEFAULT + 100)
class StreamIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static final String MEMBER = TestInfrastructure.tokens().forRole("member");
    private static final String DECISION_RECORDED = "dk.kdnet.meetings.decision-recorded.v1";
    /** A topic of the test's own that the stream reads too (SystemStack), for what Kafka no longer holds. */
    private static final String TEST_TOPIC = "stream.test";
    private static final String SECRET = "Zorblax";
    private static final java.time.format.DateTimeFormatter RFC_3339 =
            java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final java.util.concurrent.atomic.AtomicInteger DAYS = new java.util.concurrent.atomic.AtomicInteger();

    @Test
    @Order(1)
    void aDecisionReachesAMembersStreamAsItIsCommittedAndNotAnAnonymousOne() {
        var items = FlowApi.heldMeeting("Strøm 1", 1);
        var meeting = meetingOf(items.get(0));
        var filter = "type=" + DECISION_RECORDED + "&meeting=" + meeting;
        try (var member = SseClient.open(filter, MEMBER, null); var anonymous = SseClient.open(filter, null, null)) {
            assertEquals(200, member.status, member.body);
            assertEquals("text/event-stream; charset=utf-8", member.contentType);
            assertEquals("ready", member.next(ARRIVAL).event());
            assertEquals("ready", anonymous.next(ARRIVAL).event());

            var decision = FlowApi.decide(items.get(0), "stream-1", List.of());

            var message = member.next(ARRIVAL);
            assertEquals(DECISION_RECORDED, message.event());
            var event = json(message.data());
            assertEquals("1.0", event.get("specversion").asText());
            assertEquals(DECISION_RECORDED, event.get("type").asText());
            assertEquals(meeting.toString(), event.get("subject").asText());
            assertNotNull(OffsetDateTime.parse(event.get("time").asText()));
            assertNotNull(UUID.fromString(event.get("id").asText()));
            assertEquals(decision.toString(), event.at("/data/decisionId").asText());
            assertEquals(items.get(0).toString(), event.at("/data/agendaItemId").asText());
            assertEquals("APPROVED", event.at("/data/outcome").asText());
            assertTrue(message.id().startsWith("1~"), message.id());

            // The draft decision never reaches the anonymous stream; its heartbeats (1 s here) do.
            await().atMost(ARRIVAL).until(() -> anonymous.comments() >= 2);
            assertEquals(List.of(), anonymous.drain());
        }
    }

    @Test
    @Order(2)
    void aReconnectWithLastEventIdGetsEveryEventItMissedInOrderAndNothingTwice() {
        var items = FlowApi.heldMeeting("Strøm 2", 4);
        var filter = "type=" + DECISION_RECORDED + "&meeting=" + meetingOf(items.get(0));
        String position;
        try (var first = SseClient.open(filter, MEMBER, null)) {
            position = first.next(ARRIVAL).id();
        }
        // Disconnected: three decisions are recorded meanwhile.
        var missed = new ArrayList<String>();
        for (var item : items.subList(0, 3)) {
            missed.add(FlowApi.decide(item, "stream-2", List.of()).toString());
        }
        String last;
        String live;
        try (var again = SseClient.open(filter, MEMBER, position)) {
            var received = new ArrayList<String>();
            SseClient.Message message = null;
            for (var i = 0; i < 3; i++) {
                message = again.next(ARRIVAL);
                assertEquals(DECISION_RECORDED, message.event());
                received.add(json(message.data()).at("/data/decisionId").asText());
            }
            assertEquals(missed, received, "every missed decision, in the order recorded");
            last = message.id();
            // Caught up, it goes on live.
            live = FlowApi.decide(items.get(3), "stream-2", List.of()).toString();
            assertEquals(live, json(again.next(ARRIVAL).data()).at("/data/decisionId").asText());
        }
        // From the last one but one (as a query parameter, for clients that cannot send headers): only the live one.
        try (var resumed = SseClient.open(filter + "&lastEventId=" + last, MEMBER, null)) {
            assertEquals(live, json(resumed.next(ARRIVAL).data()).at("/data/decisionId").asText());
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
            assertEquals(List.of(), resumed.drain());
        }
        given().header("Last-Event-ID", "2~whatever").get("/api/stream").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("Last-Event-ID"));
        given().queryParam("meeting", "not-an-id").get("/api/stream").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("meeting"));
    }

    @Test
    @Order(3)
    void aPositionOlderThanKafkaHoldsGetsAReloadAndTheStreamGoesOn() throws Exception {
        var bootstrap = TestInfrastructure.get().bootstrapServers();
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(TEST_TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TEST_TOPIC, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
            }
            // The gateway finds a new topic within 30 s.
            var position = new String[1];
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                try (var probe = SseClient.open("type=dk.kdnet.test.*", MEMBER, null)) {
                    position[0] = probe.next(ARRIVAL).id();
                }
                return position[0].contains(TEST_TOPIC);
            });
            try (var producer = producer(bootstrap)) {
                for (var i = 0; i < 3; i++) {
                    producer.send(ping("lost " + i)).get();
                }
                var end = admin.listOffsets(Map.of(new TopicPartition(TEST_TOPIC, 0),
                        org.apache.kafka.clients.admin.OffsetSpec.latest())).all().get().values().iterator().next()
                        .offset();
                // What retention does after its time: the records are gone.
                admin.deleteRecords(Map.of(new TopicPartition(TEST_TOPIC, 0), RecordsToDelete.beforeOffset(end)))
                        .all().get(10, TimeUnit.SECONDS);
                try (var client = SseClient.open("type=dk.kdnet.test.*", MEMBER, position[0])) {
                    var reload = client.next(ARRIVAL);
                    assertEquals("reload", reload.event());
                    assertTrue(json(reload.data()).get("detail").asText().contains(TEST_TOPIC), reload.data());
                    producer.send(ping("after")).get();
                    var next = client.next(ARRIVAL);
                    assertEquals("dk.kdnet.test.ping.v1", next.event());
                    assertEquals("after", json(next.data()).at("/data/text").asText());
                }
            }
        }
    }

    @Test
    @Order(4)
    void aClientHasAtMostFiveStreamsAndThenA429() {
        var token = TestInfrastructure.tokens().forClient("stream-limit", null);
        var open = new ArrayList<SseClient>();
        try {
            for (var i = 0; i < 5; i++) {
                open.add(SseClient.open("type=dk.kdnet.test.*", token, null));
                assertEquals(200, open.get(i).status, open.get(i).body);
            }
            given().auth().oauth2(token).get("/api/stream").then().statusCode(429)
                    .header("Retry-After", "10").contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.equalTo("https://kdnet.dk/problems/too-many-requests"));
            // Another client is not affected.
            try (var other = SseClient.open("type=dk.kdnet.test.*", MEMBER, null)) {
                assertEquals(200, other.status);
            }
            open.remove(0).close();
            await().atMost(ARRIVAL).until(() -> {
                try (var again = SseClient.open("type=dk.kdnet.test.*", token, null)) {
                    return again.status == 200;
                }
            });
        } finally {
            open.forEach(SseClient::close);
        }
    }

    @Test
    @Order(5)
    void aClientThatDoesNotReadIsDroppedAndTheOthersGetEverything() throws Exception {
        var uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        var marker = "slow-" + UUID.randomUUID();
        try (var slow = new Socket(); var reader = SseClient.open("type=dk.kdnet.test.*", MEMBER, null);
                var producer = producer(TestInfrastructure.get().bootstrapServers())) {
            slow.setReceiveBufferSize(1024);
            slow.connect(new InetSocketAddress(uri.getHost(), RestAssured.port));
            slow.getOutputStream().write(("GET /api/stream?type=dk.kdnet.test.* HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + MEMBER + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertEquals("ready", reader.next(ARRIVAL).event());
            // 6.4 MB: far more than the slow client's queue (16 KiB here) and the sockets' buffers (at most 4 MB) hold.
            var padding = "x".repeat(8000);
            // Paced, so a client that reads keeps up (a burst larger than the queue drops any client; it catches up).
            for (var i = 0; i < 800; i++) {
                producer.send(ping(marker + " " + i + " " + padding));
                if (i % 10 == 9) {
                    producer.flush();
                    Thread.sleep(10);
                }
            }
            var arrived = reader.until(m -> m.data().contains(marker + " 799 "), ARRIVAL).stream()
                    .filter(m -> m.data().contains(marker)).count();
            assertEquals(800, arrived, "the reading client got every event");

            slow.setSoTimeout((int) ARRIVAL.toMillis());
            // A wider window to read what the sockets still hold: through 1 KiB it trickles in for ten minutes.
            slow.setReceiveBufferSize(1 << 20);
            assertTrue(readsToTheEnd(slow.getInputStream()), "the slow client was not dropped");
        }
    }

    /** Whether the gateway closed the connection: everything buffered is read, then the end. */
    private static boolean readsToTheEnd(InputStream in) throws IOException {
        var buffer = new byte[8192];
        try {
            while (in.read(buffer) >= 0) {
                // what it had not read
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    @Test
    @Order(6)
    void anAnonymousStreamShowsNoTraceOfAClosedItemOrADraftDecisionOverEveryEventOfTheRun() {
        // Streams from the beginning of every topic ("1~" names no partition: each is read whole).
        var walk = new Walk();
        try (var anonymous = SseClient.open(null, null, "1"); var member = SseClient.open(null, MEMBER, "1")) {
            var payer = walk.organizations.get(0);
            try (var client = SseClient.open(null, TestInfrastructure.tokens().forClient("stream-walk", payer), "1")) {
                walk.build();
                var anonymousSaw = readAll(anonymous, walk.publicEnd());
                var memberSaw = readAll(member, walk.internalEnd());
                var clientSaw = readAll(client, walk.publicEnd());

                for (var seen : List.of(anonymousSaw, clientSaw)) {
                    var text = seen.text.toString();
                    assertFalse(text.contains(SECRET), "a closed item's text reached a stream:\n" + grep(text, SECRET));
                    for (var id : walk.closedIds()) {
                        assertFalse(text.contains(id), "the closed item's " + id + " reached a stream:\n" + grep(text, id));
                    }
                    assertFalse(seen.types.contains(DECISION_RECORDED), "a draft decision reached a stream");
                    assertEquals(Set.of(), seen.decisionsNamed, "a change named the decision behind it");
                }
                // The client sees its own organization's charges only; the anonymous stream everyone's.
                assertEquals(Set.of(payer.toString()), clientSaw.chargedOrganizations);
                assertTrue(anonymousSaw.chargedOrganizations.containsAll(
                        walk.organizations.stream().map(UUID::toString).toList()));

                // The walk reached what it looks for: the member saw the closed item, its decision, what it caused.
                var internal = memberSaw.text.toString();
                for (var id : walk.closedIds()) {
                    assertTrue(internal.contains(id), "the member never saw " + id);
                }
                assertTrue(memberSaw.types.contains(DECISION_RECORDED));
                assertFalse(memberSaw.decisionsNamed.isEmpty());
                var catalogue = catalogue();
                var walked = new TreeSet<>(memberSaw.types);
                walked.retainAll(catalogue);
                var notMade = new TreeSet<>(catalogue);
                notMade.removeAll(memberSaw.types);
                System.out.println("stream walk: " + walked.size() + " event types walked " + walked
                        + "; not made by this run's tests: " + notMade);
                for (var type : List.of("dk.kdnet.meetings.meeting-scheduled.v1",
                        "dk.kdnet.meetings.agenda-published.v1", "dk.kdnet.meetings.minutes-approved.v1",
                        "dk.kdnet.meetings.esdh-package-ready.v1", DECISION_RECORDED,
                        "dk.kdnet.groups.collaboration-member-joined.v1", "dk.kdnet.groups.collaboration-member-withdrew.v1",
                        "dk.kdnet.groups.collaboration-terms-changed.v1", "dk.kdnet.groups.organization-registered.v1",
                        "dk.kdnet.economy.charge-recalculated.v1")) {
                    assertTrue(walked.contains(type), "the walk made no " + type);
                }
                var publicTypes = new HashSet<>(memberSaw.types);
                publicTypes.remove(DECISION_RECORDED);
                publicTypes.removeIf(t -> !catalogue.contains(t));
                assertEquals(publicTypes, anonymousSaw.types.stream().filter(catalogue::contains)
                        .collect(java.util.stream.Collectors.toSet()),
                        "the anonymous stream sees every public type the member saw");
            }
        }
    }

    @Test
    @Order(7)
    void theEventCatalogueIsOneAsyncApiDocumentWithTheDeploymentsBrokers() throws IOException {
        var text = given().get("/asyncapi.yaml").then().statusCode(200).contentType("application/yaml").extract()
                .asString();
        // For .ci/lint/run, which validates it with the AsyncAPI CLI.
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "asyncapi.yaml"), text);
        var document = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(text);
        assertEquals(TestInfrastructure.get().bootstrapServers(), document.at("/servers/kafka/host").asText());
        var addresses = new TreeSet<String>();
        document.get("channels").forEach(channel -> addresses.add(channel.get("address").asText()));
        assertTrue(addresses.containsAll(List.of("economy.charges", "groups.bodies", "groups.body-memberships",
                "groups.collaboration-memberships", "groups.collaborations", "groups.organizations", "groups.persons",
                "meetings.decisions", "meetings.meetings")), "every topic, as its producer has it: " + addresses);
        var types = new TreeSet<String>();
        document.at("/components/messages").forEach(message -> types.add(message.get("name").asText()));
        assertTrue(types.size() >= 20, "the events of every service: " + types);
        for (var type : catalogue()) {
            assertTrue(text.contains(type), "the merged document names " + type);
        }
    }

    /** Every event type the services' AsyncAPI documents name. */
    private static Set<String> catalogue() {
        var types = new TreeSet<String>();
        var pattern = Pattern.compile("dk\\.kdnet\\.(groups|meetings|economy)\\.[a-z-]+\\.v\\d+");
        for (var service : List.of(KdnetStack.Service.GROUPS, KdnetStack.Service.MEETINGS,
                KdnetStack.Service.ECONOMY)) {
            String text;
            try {
                var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        SystemStack.stack().service(service).url() + "/asyncapi.yaml")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode());
                text = response.body();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            var matcher = pattern.matcher(text);
            while (matcher.find()) {
                types.add(matcher.group());
            }
        }
        return types;
    }

    private static final class Seen {
        final StringBuilder text = new StringBuilder();
        final Set<String> types = new HashSet<>();
        final Set<String> decisionsNamed = new HashSet<>();
        final Set<String> chargedOrganizations = new HashSet<>();
    }

    /** The stream's messages until every condition was met by one of them. */
    private static Seen readAll(SseClient stream, List<Predicate<JsonNode>> until) {
        var seen = new Seen();
        var open = new ArrayList<>(until);
        var deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!open.isEmpty()) {
            var message = stream.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            seen.text.append(message.event()).append(' ').append(message.data()).append('\n');
            if (message.event().equals("ready") || message.event().equals("reload")) {
                continue;
            }
            var event = json(message.data());
            seen.types.add(event.get("type").asText());
            var decision = event.at("/data/decision");
            if (decision.isObject()) {
                seen.decisionsNamed.add(decision.toString());
            }
            if (!event.at("/data/approvedByDecisionId").isMissingNode() && !event.at("/data/approvedByDecisionId").isNull()) {
                seen.decisionsNamed.add(event.at("/data/approvedByDecisionId").asText());
            }
            if (event.get("type").asText().equals("dk.kdnet.economy.charge-recalculated.v1")) {
                seen.chargedOrganizations.add(event.at("/data/organizationId").asText());
            }
            open.removeIf(condition -> condition.test(event));
        }
        return seen;
    }

    /**
     * A meeting of KD-Net with an open and a closed item, both decided (the closed one withdraws an organization from
     * a collaboration, so groups-service and economy-service act on it and name the decision), whose minutes a later
     * meeting approves: every meetings event, and the groups and economy events a decision causes.
     */
    private static final class Walk {
        final UUID collaboration = FlowApi.collaboration("Strømmens samarbejde " + UUID.randomUUID());
        final List<UUID> organizations = List.of(FlowApi.organization("Strømkommune A " + UUID.randomUUID()),
                FlowApi.organization("Strømkommune B " + UUID.randomUUID()));
        UUID meeting;
        UUID closedItem;
        UUID closedDecision;
        UUID approvingMeeting;

        void build() {
            var year = 2033;
            organizations.forEach(o -> FlowApi.join(collaboration, o, LocalDate.of(year, 1, 1)));
            FlowApi.approvedScheme(collaboration, "Strømmens ordning", year, organizations);
            var day = LocalDate.of(year, 5, 10).plusDays(2L * DAYS.getAndIncrement());
            meeting = schedule(day);
            var open = item(meeting, "{\"title\":\"Kollektiv trafik i regionen\"}");
            closedItem = item(meeting, """
                    {"title":"%1$s personalesag","summary":"%1$sresume","closed":true,
                     "closedReason":"Offentlighedslovens § 30, nr. 1 (personalesag)"}""".formatted(SECRET));
            write().post("/api/meetings/" + meeting + "/publish-agenda").then().statusCode(200);
            write().post("/api/meetings/" + meeting + "/hold").then().statusCode(200);
            FlowApi.decide(open, "stream-walk", List.of());
            closedDecision = FlowApi.decide(closedItem, "stream-walk",
                    List.of(effect(WITHDRAWAL, organizations.get(0), collaboration, day)));
            approvingMeeting = schedule(day.plusDays(1));
            var approve = item(approvingMeeting, """
                    {"title":"Godkendelse af referat","standardType":"APPROVE_MINUTES"}""");
            write().post("/api/meetings/" + approvingMeeting + "/publish-agenda").then().statusCode(200);
            write().post("/api/meetings/" + approvingMeeting + "/hold").then().statusCode(200);
            write().body(Map.of("outcome", "APPROVED")).put("/api/meetings/items/" + approve + "/decision").then()
                    .statusCode(200);
            given().get("/api/meetings/" + meeting).then().body("status", org.hamcrest.Matchers.equalTo("MINUTES_APPROVED"));
        }

        List<String> closedIds() {
            return List.of(closedItem.toString(), closedDecision.toString());
        }

        /** What a public stream has seen once the walk's events have all arrived. */
        List<Predicate<JsonNode>> publicEnd() {
            return List.of(
                    e -> e.get("type").asText().equals("dk.kdnet.meetings.esdh-package-ready.v1")
                            && e.get("subject").asText().equals(meeting.toString()),
                    e -> e.get("type").asText().equals("dk.kdnet.groups.collaboration-member-withdrew.v1")
                            && e.at("/data/organizationId").asText().equals(organizations.get(0).toString()),
                    e -> e.get("type").asText().equals("dk.kdnet.economy.charge-recalculated.v1")
                            && e.at("/data/organizationId").asText().equals(organizations.get(0).toString())
                            && e.at("/data/causeEventType").asText().endsWith("collaboration-member-withdrew.v1"));
        }

        List<Predicate<JsonNode>> internalEnd() {
            var end = new ArrayList<>(publicEnd());
            end.add(e -> e.get("type").asText().equals(DECISION_RECORDED)
                    && e.at("/data/decisionId").asText().equals(closedDecision.toString()));
            return end;
        }

        private static UUID schedule(LocalDate day) {
            var startsAt = day.atTime(10, 0).atOffset(java.time.ZoneOffset.ofHours(2));
            return UUID.fromString(write().body(Map.of("bodyId", FlowApi.kdnet().toString(), "title",
                    "Strømmens møde " + day, "kind", "ORDINARY", "startsAt", RFC_3339.format(startsAt),
                    "endsAt", RFC_3339.format(startsAt.plusHours(2)),
                    "location", Map.of("kind", "PLACE", "place", "Scandic Silkeborg")))
                    .post("/api/meetings").then().statusCode(201).extract().path("id"));
        }

        private static UUID item(UUID meeting, String json) {
            return UUID.fromString(write().body(json).post("/api/meetings/" + meeting + "/items").then()
                    .statusCode(201).extract().path("id"));
        }
    }

    private static UUID meetingOf(UUID item) {
        return UUID.fromString(given().auth().oauth2(MEMBER).get("/api/meetings/items/" + item).then().statusCode(200)
                .extract().path("meetingId"));
    }

    /** A CloudEvent in Kafka binary mode, as the services' outbox relays write them. */
    private static ProducerRecord<String, String> ping(String text) {
        var record = new ProducerRecord<String, String>(TEST_TOPIC, "ping",
                JSON.createObjectNode().put("text", text).toString());
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/kdnet/test",
                "ce_type", "dk.kdnet.test.ping.v1", "ce_subject", "ping", "ce_time", OffsetDateTime.now().toString(),
                "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        var properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static String grep(String text, String word) {
        return text.lines().filter(l -> l.contains(word)).limit(5).reduce("", (a, b) -> a + b + "\n");
    }
}
