package dk.kdnet.groups.organization;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Municipality codes no reference municipality has (theirs are below 900), handed out once each per test JVM:
 * the code is unique in the database, and two tests drawing at random had collided.
 */
public final class UnusedMunicipalityCodes {

    private static final AtomicInteger NEXT = new AtomicInteger(900);

    private UnusedMunicipalityCodes() {
    }

    public static String next() {
        var code = NEXT.getAndIncrement();
        if (code > 999) {
            throw new IllegalStateException("the 100 unused municipality codes are spent");
        }
        return Integer.toString(code);
    }
}
