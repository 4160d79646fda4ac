package dk.kdnet.gateway.stream;

import dk.kdnet.events.CloudEvent;
import dk.kdnet.events.MalformedEventException;
import dk.kdnet.events.visibility.EventVisibility;
import dk.kdnet.events.visibility.EventVisibility.Viewer;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The gateway's one reader of the live end of the topics, shared by all its streams: assigned every partition (no
 * consumer group, nothing committed, so every replica reads on its own), it hands each record, as each stream's
 * viewer may see it, to the streams whose filter it matches. A stream that resumes from a position first catches up
 * with a consumer of its own ({@link CatchUp}) up to where the tail stood when it arrived, then joins the tail.
 * Started by the first stream, so a gateway nobody streams from reads nothing.
 */
@Singleton
public class EventTail {

    private static final Logger LOG = Logger.getLogger(EventTail.class);
    private static final Buffer INVISIBLE = Buffer.buffer();
    private static final Duration REDISCOVER = Duration.ofSeconds(30);

    @Inject
    StreamConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    @Inject
    Config settings;

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private ExecutorService catchUps;

    // Owned by the tail's thread.
    private List<TopicPartition> partitions = List.of();
    private Map<TopicPartition, Integer> index = Map.of();
    private long[] next = new long[0];
    private long discoveredAt;

    int streams() {
        return subscribers.size();
    }

    /**
     * Adds a stream: from {@code from} (its Last-Event-ID), or from now. Its first frame is the position it stands
     * at ({@code ready}), or, resuming from a position older than Kafka holds, {@code reload}.
     */
    void subscribe(Subscriber subscriber, Position from) {
        start();
        commands.add(() -> {
            var handover = Position.encode(partitions, next);
            if (from == null) {
                subscriber.writeCatchingUp(List.of(Frames.ready(handover)));
                subscriber.goLive();
            } else {
                catchUps.execute(new CatchUp(this, subscriber, from, List.copyOf(partitions), next.clone(), handover));
            }
            subscribers.add(subscriber);
        });
        var reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
    }

    void unsubscribe(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    private synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        catchUps = Executors.newFixedThreadPool(config.catchUpThreads(),
                Thread.ofPlatform().name("stream-catch-up-", 0).daemon().factory());
        Thread.ofPlatform().name("stream-tail").daemon().start(this::run);
    }

    Properties consumerConfig(String clientId) {
        var properties = new Properties();
        // The client's settings as the services take them (kafka.*, or KAFKA_* in the environment: SASL, TLS).
        for (var name : settings.getPropertyNames()) {
            var key = name.startsWith("kafka.") ? name.substring("kafka.".length())
                    : name.startsWith("KAFKA_") ? name.substring("KAFKA_".length()).toLowerCase().replace('_', '.')
                    : null;
            if (key != null) {
                settings.getOptionalValue(name, String.class).ifPresent(value -> properties.put(key, value));
            }
        }
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The services create their topics; asking about one must not create it.
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return properties;
    }

    private void run() {
        consumer = new KafkaConsumer<>(consumerConfig("gateway-stream-tail"));
        while (running) {
            try {
                // Until the topics are found (Kafka or the services not up yet), every few seconds.
                if (System.currentTimeMillis() - discoveredAt > (partitions.isEmpty() ? 2000 : REDISCOVER.toMillis())) {
                    discover();
                    // Only once done: a stream's wakeup may interrupt it, and then it is tried again at once.
                    discoveredAt = System.currentTimeMillis();
                }
                if (partitions.isEmpty()) {
                    // New streams wait: a position without the topics would later read them from their beginning.
                    sleep();
                    continue;
                }
                Runnable command;
                while ((command = commands.poll()) != null) {
                    command.run();
                }
                for (var record : consumer.poll(Duration.ofSeconds(1))) {
                    deliver(record);
                }
            } catch (WakeupException e) {
                // a stream arrived: its command runs next
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warnf("stream tail: %s; reading on in 1 s", e.toString());
                    sleep();
                }
            }
        }
        consumer.close(Duration.ofSeconds(2));
    }

    /**
     * Assigns every partition of the topics; a topic or partition that appeared since (a service created it) is read
     * from its beginning, the others go on where they stood (at start: the end).
     */
    private void discover() {
        var found = new ArrayList<TopicPartition>();
        for (var topic : config.topics()) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null) {
                infos.stream().map(i -> new TopicPartition(i.topic(), i.partition()))
                        .sorted(java.util.Comparator.comparingInt(TopicPartition::partition)).forEach(found::add);
            }
        }
        if (found.equals(partitions)) {
            return;
        }
        var first = partitions.isEmpty();
        var added = found.stream().filter(p -> !index.containsKey(p)).toList();
        consumer.assign(found);
        if (first) {
            consumer.seekToEnd(found);
        } else {
            consumer.seekToBeginning(added);
        }
        var positions = new long[found.size()];
        var newIndex = new HashMap<TopicPartition, Integer>();
        for (var i = 0; i < found.size(); i++) {
            newIndex.put(found.get(i), i);
            positions[i] = consumer.position(found.get(i));
        }
        partitions = List.copyOf(found);
        index = Map.copyOf(newIndex);
        next = positions;
        LOG.infof("stream tail reads %d partitions of %s", found.size(), config.topics());
    }

    private void deliver(ConsumerRecord<String, String> record) {
        var partition = new TopicPartition(record.topic(), record.partition());
        next[index.get(partition)] = record.offset() + 1;
        if (subscribers.isEmpty()) {
            return;
        }
        CloudEvent event;
        try {
            event = CloudEvent.fromRecord(record);
        } catch (MalformedEventException e) {
            return;
        }
        String position = null;
        var frames = new HashMap<Viewer, Buffer>(4);
        for (var subscriber : subscribers) {
            if (subscriber.closed() || !subscriber.filter.matches(event)) {
                continue;
            }
            var frame = frames.get(subscriber.viewer);
            if (frame == null) {
                var visible = EventVisibility.visible(event, subscriber.viewer);
                if (visible.isPresent() && position == null) {
                    position = Position.encode(partitions, next);
                }
                frame = visible.isPresent() ? Frames.event(position, visible.get()) : INVISIBLE;
                frames.put(subscriber.viewer, frame);
            }
            if (frame != INVISIBLE) {
                subscriber.offer(partition, record.offset(), frame);
            }
        }
    }

    Collection<Subscriber> subscribers() {
        return subscribers;
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
        }
        var reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
        catchUps.shutdownNow();
    }
}
