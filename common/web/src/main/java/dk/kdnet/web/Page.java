package dk.kdnet.web;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: every list operation answers this shape ({@code page} counts from 0). */
public record Page<T>(@Schema(required = true) List<T> items, @Schema(required = true, example = "0") int page,
        @Schema(required = true, example = "20") int size,
        @Schema(required = true, example = "20", description = "number of items matching the filter, on all pages")
        long total) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
}
