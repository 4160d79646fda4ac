package dk.kdnet.meetings.calendar;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.events.ReferenceIds;
import dk.kdnet.meetings.Fixtures;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.LastModified;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class CalendarFeedTest extends AsSecretariat {

    private static UUID schedule(UUID body, String startsAt, String endsAt, String location) {
        return UUID.fromString(given().contentType(ContentType.JSON).body("""
                {"bodyId":"%s","title":"KD-Net møde","kind":"ORDINARY","startsAt":"%s","endsAt":"%s",
                 "location":%s,"caseNumber":"00.01.10-A00-3-23"}""".formatted(body, startsAt, endsAt, location))
                .post("/api/meetings").then().statusCode(201).extract().path("id"));
    }

    private static Calendar feed(UUID body) throws Exception {
        var text = given().get("/api/meetings/bodies/" + body + "/calendar.ics").then().statusCode(200)
                .contentType("text/calendar").extract().asString();
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static VEvent event(Calendar calendar, UUID meeting) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(e -> e.getUid().orElseThrow().getValue().equals(meeting + "@kdnet")).findFirst().orElseThrow();
    }

    private static String property(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElseThrow();
    }

    @Test
    void meetingsAcrossTheSpringDaylightSavingChangeKeepTheirLocalTimeAndShiftInUtc() throws Exception {
        var body = UUID.randomUUID();
        var winter = schedule(body, "2023-03-23T10:00:00+01:00", "2023-03-23T13:00:00+01:00",
                "{\"kind\":\"PLACE\",\"place\":\"Scandic Silkeborg\"}");
        var summer = schedule(body, "2023-03-30T10:00:00+02:00", "2023-03-30T12:30:00+02:00",
                "{\"kind\":\"ONLINE\",\"platform\":\"Microsoft Teams\"}");

        var calendar = feed(body);
        assertEquals("2.0", calendar.getProperty(Property.VERSION).orElseThrow().getValue());
        var zone = calendar.<VTimeZone>getComponent(Component.VTIMEZONE).orElseThrow();
        assertEquals("Europe/Copenhagen", zone.getProperty(Property.TZID).orElseThrow().getValue());
        assertEquals(2, calendar.getComponents(Component.VEVENT).size());

        var march23 = event(calendar, winter);
        assertEquals("20230323T100000", property(march23, Property.DTSTART));
        assertEquals("Europe/Copenhagen", march23.getDateTimeStart().getParameter("TZID").orElseThrow().getValue());
        assertEquals(Instant.parse("2023-03-23T09:00:00Z"), Instant.from(march23.getDateTimeStart().getDate()));
        assertEquals(Instant.parse("2023-03-23T12:00:00Z"), Instant.from(march23.getDateTimeEnd().getDate()));
        assertEquals("Scandic Silkeborg", property(march23, Property.LOCATION));
        assertEquals("CONFIRMED", property(march23, Property.STATUS));
        assertEquals("0", property(march23, Property.SEQUENCE));

        var march30 = event(calendar, summer);
        assertEquals("20230330T100000", property(march30, Property.DTSTART));
        assertEquals(Instant.parse("2023-03-30T08:00:00Z"), Instant.from(march30.getDateTimeStart().getDate()));
        assertEquals(LocalDateTime.parse("2023-03-30T12:30:00"),
                ((ZonedDateTime) march30.getDateTimeEnd().getDate()).toLocalDateTime());
        assertEquals("Microsoft Teams", property(march30, Property.LOCATION));
    }

    @Test
    void aChangedMeetingRaisesItsSequenceAndACancelledOneIsCarriedAsCancelled() throws Exception {
        var body = UUID.randomUUID();
        var moved = schedule(body, "2023-10-27T10:00:00+02:00", "2023-10-27T13:00:00+02:00",
                "{\"kind\":\"PLACE\",\"place\":\"Scandic Silkeborg\"}");
        var cancelled = Fixtures.schedule(body, "2023-11-24");
        var before = feed(body);
        assertEquals("0", property(event(before, moved), Property.SEQUENCE));
        assertEquals("0", property(event(before, cancelled), Property.SEQUENCE));

        // Moved across the autumn change: 27 Oct is summer time, 3 Nov winter time.
        given().contentType(ContentType.JSON).body(Fixtures.meeting(body, "2023-11-03T10:00:00+01:00",
                "2023-11-03T13:00:00+01:00")).header("If-Match", Fixtures.etag("/api/meetings/" + moved))
                .put("/api/meetings/" + moved).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"reason\":\"For få kunne deltage\"}")
                .post("/api/meetings/" + cancelled + "/cancel").then().statusCode(200);

        var after = feed(body);
        var movedEvent = event(after, moved);
        assertEquals("1", property(movedEvent, Property.SEQUENCE));
        assertEquals("20231103T100000", property(movedEvent, Property.DTSTART));
        assertEquals(Instant.parse("2023-11-03T09:00:00Z"), Instant.from(movedEvent.getDateTimeStart().getDate()));
        assertEquals("CONFIRMED", property(movedEvent, Property.STATUS));
        var cancelledEvent = event(after, cancelled);
        assertEquals("CANCELLED", property(cancelledEvent, Property.STATUS));
        assertEquals("1", property(cancelledEvent, Property.SEQUENCE));
        assertTrue(property(cancelledEvent, Property.DESCRIPTION).contains("For få kunne deltage"));
    }

    @Test
    void theFeedOfTheReferenceBodyHoldsKdNetsMeetingsOf2023() throws Exception {
        var calendar = feed(ReferenceIds.body("kdnet"));
        var august = event(calendar, ReferenceIds.meeting("kdnet-2023-08-25"));
        assertEquals("20230825T100000", property(august, Property.DTSTART));
        assertEquals(Instant.parse("2023-08-25T08:00:00Z"), Instant.from(august.getDateTimeStart().getDate()));
        assertTrue(property(august, Property.DESCRIPTION).contains("/minutes.pdf"));
    }

    @Test
    void entriesLinkTheAgendaAndMinutesAbsolutelyAndSayWhenTheMeetingLastChanged() throws Exception {
        var body = UUID.randomUUID();
        var scheduledFrom = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var meeting = Fixtures.schedule(body, "2023-08-25");
        var scheduledUntil = Instant.now();
        var planned = event(feed(body), meeting);
        assertEquals("http://localhost:8080/api/meetings/" + meeting, property(planned, Property.URL));
        var scheduled = lastModified(planned);
        assertTrue(!scheduled.isBefore(scheduledFrom) && !scheduled.isAfter(scheduledUntil), scheduled.toString());
        // LAST-MODIFIED has whole seconds: read again once the clock is in a later second than the change.
        await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS)
                .isAfter(scheduled));
        assertEquals(scheduled, lastModified(event(feed(body), meeting)), "a read is not a change");

        Fixtures.addItem(meeting, "Godkendelse af dagsorden");
        Fixtures.action(meeting, "publish-agenda");
        var published = event(feed(body), meeting);
        var agenda = "http://localhost:8080/api/meetings/" + meeting + "/agenda.pdf";
        assertEquals(agenda, property(published, Property.URL));
        assertTrue(property(published, Property.DESCRIPTION).contains("Dagsorden: " + agenda));
        assertTrue(lastModified(published).isAfter(scheduled), "publishing changed the meeting");

        Fixtures.action(meeting, "hold");
        Fixtures.approveMinutesAt(body, "2023-09-29");
        var minutes = "http://localhost:8080/api/meetings/" + meeting + "/minutes.pdf";
        var approved = event(feed(body), meeting);
        assertEquals(minutes, property(approved, Property.URL));
        assertTrue(property(approved, Property.DESCRIPTION).contains("Referat: " + minutes));
        // The URL is one a subscriber can fetch: the minutes, anonymously.
        given().auth().none().get(minutes.replace("http://localhost:8080", "")).then().statusCode(200)
                .contentType("application/pdf");
    }

    private static Instant lastModified(VEvent event) {
        return Instant.from(event.<LastModified>getProperty(Property.LAST_MODIFIED).orElseThrow().getDate());
    }
}
