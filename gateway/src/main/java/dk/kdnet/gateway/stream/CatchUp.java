package dk.kdnet.gateway.stream;

import dk.kdnet.events.CloudEvent;
import dk.kdnet.events.MalformedEventException;
import dk.kdnet.events.visibility.EventVisibility;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * A stream that resumes from its Last-Event-ID: reads, with a consumer of its own, every record from that position up
 * to where the tail stood when the stream arrived ({@code to}), in order per partition and merged across partitions by
 * time, then hands the stream to the tail. A position older than Kafka holds (retention) gets a {@code reload} event
 * instead, and the stream goes on from now.
 */
final class CatchUp implements Runnable {

    private static final Logger LOG = Logger.getLogger(CatchUp.class);

    private final EventTail tail;
    private final Subscriber subscriber;
    private final Position from;
    private final List<TopicPartition> partitions;
    private final long[] to;
    private final String handover;

    CatchUp(EventTail tail, Subscriber subscriber, Position from, List<TopicPartition> partitions, long[] to,
            String handover) {
        this.tail = tail;
        this.subscriber = subscriber;
        this.from = from;
        this.partitions = partitions;
        this.to = to;
        this.handover = handover;
    }

    @Override
    public void run() {
        if (subscriber.closed()) {
            return;
        }
        try (var consumer = new KafkaConsumer<String, String>(tail.consumerConfig("gateway-stream-catch-up"))) {
            catchUp(consumer);
        } catch (RuntimeException e) {
            if (!subscriber.closed()) {
                LOG.warnf("stream of %s could not catch up: %s", subscriber.client, e.toString());
                subscriber.dropLater("catching up failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            subscriber.dropLater("the gateway is stopping");
        }
    }

    private void catchUp(KafkaConsumer<String, String> consumer) throws InterruptedException {
        var stall = tail.config.catchUpStall();
        var beginnings = consumer.beginningOffsets(partitions, stall);
        var at = new long[partitions.size()];
        var floor = new HashMap<TopicPartition, Long>();
        var reading = new ArrayList<TopicPartition>();
        for (var i = 0; i < partitions.size(); i++) {
            var partition = partitions.get(i);
            var beginning = beginnings.get(partition);
            var known = from.offsets().get(partition);
            if (known != null && known < beginning) {
                LOG.infof("stream of %s resumes from %s:%d, which Kafka no longer holds (from %d): reload",
                        subscriber.client, partition, known, beginning);
                write(List.of(Frames.reload(handover, "Events since your last one are no longer kept (" + partition
                        + " starts at " + beginning + ", you had " + known + "): reload, then go on from here.")));
                subscriber.goLive();
                return;
            }
            // A partition the position does not name is newer than it: all of it is news.
            at[i] = known == null ? beginning : known;
            if (at[i] > to[i]) {
                floor.put(partition, at[i]);
            } else if (at[i] < to[i]) {
                reading.add(partition);
            }
        }
        subscriber.floor(floor);
        consumer.assign(reading);
        reading.forEach(partition -> consumer.seek(partition, at[partitions.indexOf(partition)]));
        var idle = System.nanoTime();
        while (!reading.isEmpty() && !subscriber.closed()) {
            var records = consumer.poll(Duration.ofMillis(500));
            if (records.isEmpty()) {
                if (System.nanoTime() - idle > stall.toNanos()) {
                    subscriber.dropLater("Kafka gave nothing to catch up with for " + stall);
                    return;
                }
                continue;
            }
            idle = System.nanoTime();
            var byPartition = new ArrayList<ArrayDeque<ConsumerRecord<String, String>>>();
            for (var partition : records.partitions()) {
                var end = to[partitions.indexOf(partition)];
                var wanted = new ArrayDeque<ConsumerRecord<String, String>>();
                records.records(partition).stream().filter(r -> r.offset() < end).forEach(wanted::add);
                if (!wanted.isEmpty()) {
                    byPartition.add(wanted);
                }
            }
            write(frames(merged(byPartition), at));
            var done = reading.stream().filter(p -> consumer.position(p) >= to[partitions.indexOf(p)]).toList();
            consumer.pause(done);
            reading.removeAll(done);
        }
        subscriber.goLive();
    }

    /** The records in time order, each partition's in its own order. */
    private static List<ConsumerRecord<String, String>> merged(List<ArrayDeque<ConsumerRecord<String, String>>> queues) {
        var merged = new ArrayList<ConsumerRecord<String, String>>();
        while (true) {
            ArrayDeque<ConsumerRecord<String, String>> earliest = null;
            for (var queue : queues) {
                if (!queue.isEmpty() && (earliest == null || queue.peek().timestamp() < earliest.peek().timestamp())) {
                    earliest = queue;
                }
            }
            if (earliest == null) {
                return merged;
            }
            merged.add(earliest.poll());
        }
    }

    private List<Buffer> frames(List<ConsumerRecord<String, String>> records, long[] at) {
        var frames = new ArrayList<Buffer>();
        for (var record : records) {
            at[partitions.indexOf(new TopicPartition(record.topic(), record.partition()))] = record.offset() + 1;
            try {
                var event = CloudEvent.fromRecord(record);
                if (subscriber.filter.matches(event)) {
                    EventVisibility.visible(event, subscriber.viewer).ifPresent(
                            visible -> frames.add(Frames.event(Position.encode(partitions, at), visible)));
                }
            } catch (MalformedEventException e) {
                // not an event a client could read; the services park it
            }
        }
        return frames;
    }

    private void write(List<Buffer> frames) throws InterruptedException {
        if (frames.isEmpty()) {
            return;
        }
        var stall = tail.config.catchUpStall();
        try {
            if (!subscriber.writeCatchingUp(frames).get(stall.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the stream closed");
            }
        } catch (TimeoutException e) {
            subscriber.dropLater("it read nothing for " + stall + " while catching up");
            throw new IllegalStateException("the client stalled");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
