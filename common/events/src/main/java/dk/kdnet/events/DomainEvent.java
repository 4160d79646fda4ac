package dk.kdnet.events;

/**
 * A fact one service publishes for others. Implementations are records whose components are the
 * event's data; {@link #type()} carries the version ({@code dk.kdnet.groups.organization-registered.v1}).
 */
public interface DomainEvent {

    /** CloudEvents {@code type}, versioned. */
    String type();

    /** Kafka topic, one per producing service and aggregate ({@code groups.organizations}). */
    String topic();

    /** The aggregate id: CloudEvents {@code subject} and the Kafka key, so one aggregate stays in order. */
    String subject();
}
