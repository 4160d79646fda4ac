package dk.kdnet.events;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the topics a service publishes on when they do not exist yet (brokers need not auto-create). In the
 * background, so the service is up without waiting for Kafka's admin round trips; the outbox relay waits for
 * {@link #done()} before it publishes. For local runs only: on Kubernetes the topics are Strimzi's KafkaTopic
 * resources (deploy/k8s) and {@code kdnet.events.create-topics} is false.
 */
@Singleton
public class TopicSetup {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "kdnet.events.topics")
    Optional<List<String>> topics;

    @ConfigProperty(name = "kdnet.events.dead-letter-topic")
    String deadLetterTopic;

    @ConfigProperty(name = "kdnet.events.create-topics", defaultValue = "true")
    boolean createTopics;

    @ConfigProperty(name = "kdnet.events.topic-partitions", defaultValue = "3")
    int partitions;

    @ConfigProperty(name = "kdnet.events.topic-replication", defaultValue = "1")
    short replication;

    private final CompletableFuture<Void> done = new CompletableFuture<>();

    /** Completes when the topics were checked (or could not be: the relay goes on and Kafka reports why). */
    CompletableFuture<Void> done() {
        return done;
    }

    void start(@Observes StartupEvent startup) {
        if (!createTopics) {
            done.complete(null);
            return;
        }
        Thread.ofPlatform().daemon().name("topic-setup").start(() -> {
            try {
                createTopics();
            } finally {
                done.complete(null);
            }
        });
    }

    private void createTopics() {
        var wanted = new java.util.ArrayList<>(topics.orElse(List.of()));
        if (!wanted.contains(deadLetterTopic)) {
            wanted.add(deadLetterTopic);
        }
        var admin = Admin.create(kafkaConfig);
        try {
            var existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            var missing = wanted.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, replication)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                LOG.infof("created topics %s", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warnf("could not create topics %s: %s", wanted, e.getCause().getMessage());
            }
        } catch (TimeoutException e) {
            LOG.warnf("Kafka did not answer; topics %s not checked", wanted);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Bounded: with Kafka gone, closing would otherwise wait out every pending call.
            admin.close(Duration.ofSeconds(5));
        }
    }
}
