package dk.kdnet.web;

/**
 * A resource representation that carries its optimistic-locking version: reads answer it as the
 * {@code ETag}, and updates must send it back in {@code If-Match} ({@link ETags#requireMatch}).
 */
public interface Versioned {

    long version();
}
