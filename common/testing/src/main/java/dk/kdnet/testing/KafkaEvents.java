package dk.kdnet.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/** Reads and writes records on the real broker, for tests that assert or inject events. */
public final class KafkaEvents {

    private KafkaEvents() {}

    /** All records of a topic that match, reading it from the start until {@code timeout}. */
    public static List<ConsumerRecord<String, String>> all(String bootstrap, String topic,
            Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        var found = new ArrayList<ConsumerRecord<String, String>>();
        try (var consumer = consumer(bootstrap)) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** The first record of a topic that matches; fails when none arrives within 20 seconds. */
    public static ConsumerRecord<String, String> await(String bootstrap, String topic,
            Predicate<ConsumerRecord<String, String>> match) {
        try (var consumer = consumer(bootstrap)) {
            var deadline = Instant.now().plus(Duration.ofSeconds(20));
            List<TopicPartition> partitions = List.of();
            while (Instant.now().isBefore(deadline)) {
                if (partitions.isEmpty()) {
                    partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                }
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no matching record on " + topic + " within 20 s");
    }

    /**
     * Hands every record that reaches a topic from now on to {@code onRecord}, on a thread of its own, until
     * closed: for a test that waits on events as they happen rather than polling an API.
     */
    public static AutoCloseable tail(String bootstrap, String topic,
            java.util.function.Consumer<ConsumerRecord<String, String>> onRecord) {
        var running = new java.util.concurrent.atomic.AtomicBoolean(true);
        var positioned = new java.util.concurrent.CountDownLatch(1);
        var thread = Thread.ofPlatform().daemon().name("tail-" + topic).start(() -> {
            try (var consumer = consumer(bootstrap)) {
                var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                // Resolve the end now, so nothing sent after tail() returns is skipped.
                partitions.forEach(consumer::position);
                positioned.countDown();
                while (running.get()) {
                    consumer.poll(Duration.ofMillis(100)).forEach(onRecord);
                }
            }
        });
        try {
            if (!positioned.await(20, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("could not read " + topic + " within 20 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return () -> {
            running.set(false);
            thread.join(5_000);
        };
    }

    /** The partition the default partitioner gives a record with this key, as producers of the services send it. */
    public static int partition(String bootstrap, String topic, String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions(bootstrap, topic);
    }

    public static int partitions(String bootstrap, String topic) {
        try (var consumer = consumer(bootstrap)) {
            return consumer.partitionsFor(topic, Duration.ofSeconds(10)).size();
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Sends a record with the given headers and waits until the broker has it. */
    public static void send(String bootstrap, String topic, String key, String value, Map<String, String> headers) {
        try (var producer = withKafkaClassLoader(() -> new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName())))) {
            var record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(new RecordHeader(name, v.getBytes(StandardCharsets.UTF_8))));
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        return withKafkaClassLoader(() -> new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName())));
    }

    /**
     * Kafka loads its plug-ins (metrics reporters, serializers) through the thread's context class
     * loader; inside a {@code @QuarkusTest} that is Quarkus's, not the one that loaded Kafka.
     */
    private static <T> T withKafkaClassLoader(java.util.function.Supplier<T> create) {
        var thread = Thread.currentThread();
        var previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaConsumer.class.getClassLoader());
        try {
            return create.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
