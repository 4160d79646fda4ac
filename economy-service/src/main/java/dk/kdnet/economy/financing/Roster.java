package dk.kdnet.economy.financing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who belongs to a collaboration, and from when to when: its tenures, oldest first. The rules are groups-service's
 * (a join while a member is refused; an exit needs a membership without notice; a revocation needs a pending
 * notice), so economy's read model and a scenario replay the same changes alike. Immutable: each change answers a
 * new roster.
 */
public final class Roster {

    /**
     * One membership: {@code joinedOn} null means a member from before any year charged, {@code exit} is the first
     * day no longer a member (null: no notice in force).
     */
    public record Tenure(String membershipId, String organizationId, LocalDate joinedOn, LocalDate exit) {}

    private final List<Tenure> tenures;

    private Roster(List<Tenure> tenures) {
        this.tenures = List.copyOf(tenures);
    }

    public static Roster of(Collection<Tenure> tenures) {
        var sorted = new ArrayList<>(tenures);
        sorted.sort(Comparator.comparing(Tenure::joinedOn, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new Roster(sorted);
    }

    /** The members a scheme was approved with, as tenures (their own ids). */
    public static Roster of(List<Member> members) {
        return of(members.stream()
                .map(m -> new Tenure(m.organizationId(), m.organizationId(), m.joined(), m.exit()))
                .toList());
    }

    public List<Tenure> tenures() {
        return tenures;
    }

    /** The organization's tenures, oldest first. */
    public List<Tenure> of(String organizationId) {
        return tenures.stream().filter(t -> t.organizationId().equals(organizationId)).toList();
    }

    public Optional<Tenure> latest(String organizationId) {
        var of = of(organizationId);
        return of.isEmpty() ? Optional.empty() : Optional.of(of.getLast());
    }

    /** A new tenure from {@code on}; refused while the organization is a member on that day. */
    public Roster join(String membershipId, String organizationId, LocalDate on) {
        require(on != null, "on", "is missing");
        var latest = latest(organizationId);
        if (latest.isPresent() && (latest.get().exit() == null || latest.get().exit().isAfter(on))) {
            throw new InvalidSchemeException("organizationId", organizationId + " is a member on " + on
                    + (latest.get().exit() == null ? "" : "; its exit takes effect on " + latest.get().exit()));
        }
        var all = new ArrayList<>(tenures);
        all.add(new Tenure(membershipId, organizationId, on, null));
        return of(all);
    }

    /** The latest tenure ends on {@code exit} (the first day no longer a member). */
    public Roster leave(String organizationId, LocalDate exit) {
        require(exit != null, "on", "is missing");
        var latest = latest(organizationId)
                .orElseThrow(() -> new InvalidSchemeException("organizationId", organizationId + " is not a member"));
        require(latest.exit() == null, "organizationId",
                organizationId + " gave notice already; its exit takes effect on " + latest.exit());
        require(latest.joinedOn() == null || exit.isAfter(latest.joinedOn()), "on",
                "the exit " + exit + " is not after joining on " + latest.joinedOn());
        return replace(latest, new Tenure(latest.membershipId(), organizationId, latest.joinedOn(), exit));
    }

    /** The pending notice of the latest tenure is withdrawn: no exit. */
    public Roster revoke(String organizationId) {
        var latest = latest(organizationId)
                .orElseThrow(() -> new InvalidSchemeException("organizationId", organizationId + " is not a member"));
        require(latest.exit() != null, "organizationId", organizationId + " has no pending notice");
        return replace(latest, new Tenure(latest.membershipId(), organizationId, latest.joinedOn(), null));
    }

    private Roster replace(Tenure old, Tenure changed) {
        return new Roster(tenures.stream().map(t -> t == old ? changed : t).toList());
    }

    private static void require(boolean condition, String field, String problem) {
        if (!condition) {
            throw new InvalidSchemeException(field, problem);
        }
    }
}
