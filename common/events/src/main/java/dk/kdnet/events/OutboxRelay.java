package dk.kdnet.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Publishes committed outbox rows to Kafka in commit order. One relay per service database works at
 * a time (a PostgreSQL advisory lock), so events of one aggregate keep their order across instances.
 * A row is marked published only after Kafka acknowledged it; a crash in between re-sends it, and
 * consumers drop the duplicate through their inbox.
 *
 * <p>It publishes as soon as a transaction that wrote events commits: this instance's commits wake it directly, and
 * every other writer's through PostgreSQL (the table's trigger NOTIFYs at commit, and a dedicated connection LISTENs),
 * so the instance holding the lock publishes another instance's events too. Polling every
 * {@code kdnet.events.relay.poll-interval} is only the fallback while that connection is down.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long LOCK_KEY = 0x6b646e65746f7574L; // "kdnetout"
    private static final String CHANNEL = "outbox_event";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    RelayConfig config;

    @Inject
    TopicSetup topics;

    @Inject
    MeterRegistry metrics;

    private Counter relayed;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private Thread listener;
    private volatile Connection listening;
    private volatile boolean publishing;
    /**
     * The database backends this instance wrote events through: their notifications are of commits that already woke
     * the relay (a pool's connections are few and long-lived).
     */
    private final Set<Integer> ownBackends = ConcurrentHashMap.newKeySet();
    // Made on the relay's own thread, so starting the service does not wait for it.
    private final CompletableFuture<KafkaProducer<String, String>> producer = new CompletableFuture<>();

    void start(@Observes StartupEvent startup) {
        // Per instance: with several, it shows which relays published (one at a time, by the lock).
        relayed = Counter.builder("kdnet.outbox.relayed").description("Outbox events this instance's relay published")
                .register(metrics);
        var producerConfig = new HashMap<String, Object>();
        kafkaConfig.forEach((key, value) -> producerConfig.put(key, value));
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // One request at a time: with several in flight, a first request to a partition the broker has not
        // finished creating fails (NOT_LEADER_OR_FOLLOWER) while a later one is appended, and the first then spins on
        // OUT_OF_ORDER_SEQUENCE_NUMBER until it expires, out of order (KAFKA-15591; seen here at a service's start).
        producerConfig.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.sendTimeout().toMillis());
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis());
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) Math.min(config.sendTimeout().toMillis(), 10_000));
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + UUID.randomUUID());
        running = true;
        Gauge.builder("kdnet.outbox.relay.listening", this, relay -> relay.listening() ? 1 : 0)
                .description("1 while the relay listens for other writers' commits; 0 while it only polls")
                .register(metrics);
        listener = Thread.ofPlatform().daemon().name("outbox-listener").start(this::listen);
        worker = Thread.ofPlatform().daemon().name("outbox-relay").start(() -> {
            while (running && !producer.isDone()) {
                try {
                    producer.complete(new KafkaProducer<>(producerConfig));
                } catch (RuntimeException e) {
                    // e.g. the broker's name does not resolve yet while the stack comes up
                    LOG.warnf("outbox relay: no Kafka producer yet (%s); retrying", e.getMessage());
                    pause();
                }
            }
            // Publishing before the topics exist would let the broker create them its way, if at all; but a
            // Kafka that does not answer must not hold the relay: its sends retry anyway.
            try {
                topics.done().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.warnf("outbox relay: topics not confirmed (%s); publishing anyway", e);
            }
            loop();
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        wakeUp.release();
        listener.interrupt();
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var made = producer.getNow(null);
        if (made != null) {
            made.close(java.time.Duration.ofSeconds(5));
        }
    }

    private KafkaProducer<String, String> producer() {
        try {
            return producer.get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka producer", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no Kafka producer", e);
        }
    }

    /** Sends one record with the relay's producer and waits for Kafka's acknowledgement (dead-letter replays). */
    void sendNow(org.apache.kafka.clients.producer.ProducerRecord<String, String> record) {
        try {
            producer().send(record).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + record.topic(), e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the record for " + record.topic(), e);
        }
    }

    /**
     * Called inside a transaction that wrote to the outbox through that database backend: publish as soon as it
     * commits.
     */
    void wakeUpAfterCommit(int backendPid) {
        ownBackends.add(backendPid);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wakeUp.release();
                }
            }
        });
    }

    /** Whether the relay publishes other writers' commits at once now, not only when it polls. */
    public boolean listening() {
        return publishing && listening != null;
    }

    /** Wakes the relay on every other writer's commit, over one connection of its own, reconnecting when it breaks. */
    private void listen() {
        while (running) {
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                var notifications = connection.unwrap(PGConnection.class);
                listening = connection;
                // What was committed while nobody listened.
                wakeUp.release();
                while (running) {
                    // The timeout only lets the loop see a stop; a broken connection throws.
                    var received = notifications.getNotifications(1_000);
                    if (received != null && Arrays.stream(received).anyMatch(this::fromAnotherWriter)) {
                        wakeUp.release();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("outbox relay: not listening for commits (%s); polling until it reconnects",
                            e.getMessage());
                }
            } finally {
                listening = null;
            }
            try {
                Thread.sleep(config.pollInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean fromAnotherWriter(PGNotification notification) {
        try {
            return !ownBackends.contains(Integer.parseInt(notification.getParameter()));
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private void loop() {
        publishing = true;
        while (running) {
            try {
                var published = drain();
                if (published < config.batchSize()) {
                    wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("outbox relay: %s; retrying", e.getMessage());
                pause();
            }
        }
    }

    /** Publishes one batch; answers how many rows it published. */
    int drain() throws SQLException, JsonProcessingException, InterruptedException {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                var batch = lockedUnpublished(connection);
                if (batch.isEmpty()) {
                    connection.rollback();
                    return 0;
                }
                var sent = send(batch);
                markPublished(connection, sent);
                connection.commit();
                relayed.increment(sent.size());
                return sent.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private record Pending(long seq, String topic, CloudEvent event) {}

    /**
     * The next batch, with the relay's lock for this transaction; none when another relay holds the lock. One round
     * trip: the lock is an init plan, taken once and only when there is a row to send.
     */
    private List<Pending> lockedUnpublished(Connection connection) throws SQLException, JsonProcessingException {
        var batch = new ArrayList<Pending>();
        try (var statement = connection.prepareStatement("""
                SELECT seq, id, topic, type, source, subject, occurred_at, correlation_id, causation_id, data,
                       traceparent
                FROM outbox_event WHERE published_at IS NULL AND (SELECT pg_try_advisory_xact_lock(?))
                ORDER BY seq LIMIT ?""")) {
            statement.setLong(1, LOCK_KEY);
            statement.setInt(2, config.batchSize());
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    var event = new CloudEvent(rows.getObject("id", UUID.class), rows.getString("source"),
                            rows.getString("type"), rows.getString("subject"),
                            rows.getObject("occurred_at", java.time.OffsetDateTime.class)
                                    .withOffsetSameInstant(ZoneOffset.UTC),
                            rows.getString("correlation_id"), rows.getString("causation_id"),
                            CloudEvent.JSON.readTree(rows.getString("data")), rows.getString("traceparent"));
                    batch.add(new Pending(rows.getLong("seq"), rows.getString("topic"), event));
                }
            }
        }
        return batch;
    }

    /** Sends in order and answers the prefix Kafka acknowledged; the rest waits for the next round. */
    private List<Long> send(List<Pending> batch) throws InterruptedException {
        var futures = new ArrayList<Future<RecordMetadata>>(batch.size());
        for (var pending : batch) {
            futures.add(producer().send(pending.event().toRecord(pending.topic())));
        }
        var sent = new ArrayList<Long>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            try {
                futures.get(i).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                sent.add(batch.get(i).seq());
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.warnf("outbox relay: Kafka did not take event %s (%s); will retry", batch.get(i).event().id(),
                        e.getCause() == null ? e : e.getCause().getMessage());
                break;
            }
        }
        return sent;
    }

    private void markPublished(Connection connection, List<Long> sequences) throws SQLException {
        if (sequences.isEmpty()) {
            return;
        }
        try (var statement = connection.prepareStatement(
                "UPDATE outbox_event SET published_at = now() WHERE seq = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("bigint", sequences.toArray()));
            statement.executeUpdate();
        }
    }

    private void pause() {
        try {
            wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
