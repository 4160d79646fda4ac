package dk.kdnet.gateway.stream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a stream stands in the topics: for each partition, the offset of the next record to read. As text it is the
 * stream's SSE {@code id}, so a client that reconnects with {@code Last-Event-ID} resumes exactly after the last event
 * it received, from any gateway replica: {@code 1~groups.bodies:0.4.1~meetings.meetings:a.3.0}, each topic with the
 * offsets of its partitions 0, 1, ... in base 36. Opaque to clients.
 */
record Position(Map<TopicPartition, Long> offsets) {

    private static final String VERSION = "1";

    /** The text of the offsets {@code next} holds for {@code partitions} (same order). */
    static String encode(List<TopicPartition> partitions, long[] next) {
        var text = new StringBuilder(16 * partitions.size()).append(VERSION);
        String topic = null;
        for (var i = 0; i < partitions.size(); i++) {
            var partition = partitions.get(i);
            if (!partition.topic().equals(topic)) {
                topic = partition.topic();
                text.append('~').append(topic).append(':');
            } else {
                text.append('.');
            }
            text.append(Long.toString(next[i], 36));
        }
        return text.toString();
    }

    /** Reads a token; one that is not one is an {@link IllegalArgumentException} naming why. */
    static Position decode(String token) {
        var parts = token.strip().split("~");
        if (!VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("not a position of this stream (it starts with " + VERSION + "~)");
        }
        var offsets = new LinkedHashMap<TopicPartition, Long>();
        for (var i = 1; i < parts.length; i++) {
            var colon = parts[i].lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("'" + parts[i] + "' is not topic:offsets");
            }
            var topic = parts[i].substring(0, colon);
            var numbers = parts[i].substring(colon + 1).split("\\.");
            for (var partition = 0; partition < numbers.length; partition++) {
                try {
                    var offset = Long.parseLong(numbers[partition], 36);
                    if (offset < 0) {
                        throw new NumberFormatException();
                    }
                    offsets.put(new TopicPartition(topic, partition), offset);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + numbers[partition] + "' is not an offset");
                }
            }
        }
        return new Position(Map.copyOf(offsets));
    }
}
