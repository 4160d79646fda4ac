package dk.kdnet.meetings.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Meetings are held in Denmark: their times are read and shown in Europe/Copenhagen. */
public final class Copenhagen {

    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    private Copenhagen() {}

    public static OffsetDateTime time(OffsetDateTime instant) {
        return instant == null ? null : instant.atZoneSameInstant(ZONE).toOffsetDateTime();
    }

    public static LocalDate date(OffsetDateTime instant) {
        return instant.atZoneSameInstant(ZONE).toLocalDate();
    }

    public static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toOffsetDateTime();
    }
}
