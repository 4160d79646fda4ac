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

    public static UUID organization(String slug) {
        return of("organization", slug);
    }
}
