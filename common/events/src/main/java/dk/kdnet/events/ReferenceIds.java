package dk.kdnet.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Stable ids of reference data (the 19 municipalities, the region, KD-Net, GovTech, ...), derived
 * from their slugs, so every service and every fresh install names them alike.
 */
public final class ReferenceIds {

    private ReferenceIds() {}

    public static UUID of(String kind, String slug) {
        return UUID.nameUUIDFromBytes(("kdnet:" + kind + ":" + slug).getBytes(StandardCharsets.UTF_8));
    }

    public static UUID body(String slug) {
        return of("body", slug);
    }

    public static UUID collaboration(String slug) {
        return of("collaboration", slug);
    }

    public static UUID secretariat(String slug) {
        return of("secretariat", slug);
    }

    public static UUID meeting(String slug) {
        return of("meeting", slug);
    }

    /** An agenda item of a reference meeting: {@code kdnet-2023-08-25-57} is item 57 of that meeting. */
    public static UUID agendaItem(String slug) {
        return of("agenda-item", slug);
    }

    /** The decision on a reference agenda item, slug as for {@link #agendaItem(String)}. */
    public static UUID decision(String slug) {
        return of("decision", slug);
    }

    public static UUID organization(String slug) {
        return of("organization", slug);
    }
}
