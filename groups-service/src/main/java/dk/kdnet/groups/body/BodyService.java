package dk.kdnet.groups.body;

import dk.kdnet.events.DecisionReference;
import dk.kdnet.events.Outbox;
import dk.kdnet.events.groups.BodyChanged;
import dk.kdnet.events.groups.BodyMembershipEnded;
import dk.kdnet.events.groups.BodyMembershipStarted;
import dk.kdnet.events.groups.BodyRegistered;
import dk.kdnet.groups.body.BodyApi.BodyRequest;
import dk.kdnet.groups.body.BodyApi.EndRequest;
import dk.kdnet.groups.body.BodyApi.MembershipRequest;
import dk.kdnet.groups.body.BodyApi.RoleChangeRequest;
import dk.kdnet.groups.organization.Organization;
import dk.kdnet.rules.RuleException;
import dk.kdnet.web.ETags;
import dk.kdnet.web.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/** Bodies and who sits in them over time. */
@ApplicationScoped
public class BodyService {

    private static final Logger LOG = Logger.getLogger(BodyService.class);

    @Inject
    Outbox outbox;

    @Inject
    People people;

    @Inject
    EntityManager em;

    /** A seat with the names to show it: the person's (or "erased person") and the body's short name. */
    public record Seat(BodyMembership membership, String personName, String bodyName) {}

    @Transactional
    public Body register(UUID id, BodyRequest request) {
        var body = new Body();
        body.id = id;
        apply(body, request);
        body.persist();
        outbox.publish(new BodyRegistered(id, body.kind.name(), body.name, body.shortName, body.parentBodyId,
                body.validFrom, body.validTo));
        return body;
    }

    /** {@code ifMatch} is the ETag the change was based on ({@link ETags#requireMatch}). */
    @Transactional
    public Body update(UUID id, String ifMatch, BodyRequest request) {
        var body = get(id);
        ETags.requireMatch(ifMatch, body.version);
        apply(body, request);
        outbox.publish(new BodyChanged(id, body.kind.name(), body.name, body.shortName, body.parentBodyId,
                body.validFrom, body.validTo));
        return body;
    }

    public Body get(UUID id) {
        return Body.<Body>findByIdOptional(id).orElseThrow(() -> RuleException.unknown("body", id));
    }

    public Page<Body> list(BodyKind kind, int page, int size) {
        var query = kind == null ? Body.<Body>findAll(Sort.by("name"))
                : Body.<Body>find("kind", Sort.by("name"), kind);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    public List<Body> children(UUID id) {
        get(id);
        return Body.list("parentBodyId", Sort.by("name"), id);
    }

    /** A person takes a seat. At most {@link Body#seats} holders of a single-seat role at a time (one CHAIR). */
    @Transactional
    public BodyMembership start(UUID bodyId, MembershipRequest request) {
        var body = get(bodyId);
        var personName = people.nameOf(request.personId())
                .orElseThrow(() -> RuleException.broken("personId", "person " + request.personId()
                        + " does not exist"));
        if (request.representingOrganizationId() != null
                && Organization.findById(request.representingOrganizationId()) == null) {
            throw RuleException.broken("representingOrganizationId", "organization "
                    + request.representingOrganizationId() + " does not exist");
        }
        var membership = new BodyMembership();
        membership.id = UUID.randomUUID();
        membership.bodyId = bodyId;
        membership.personId = request.personId();
        membership.role = request.role();
        membership.voting = request.voting() == null || request.voting();
        membership.representingOrganizationId = request.representingOrganizationId();
        membership.validFrom = request.validFrom();
        membership.validTo = request.validTo();
        return seat(body, membership, personName, null);
    }

    /** Ends a seat on its last day {@code validTo}. */
    @Transactional
    public BodyMembership end(UUID bodyId, UUID membershipId, EndRequest request) {
        var membership = membership(bodyId, membershipId);
        close(membership, request.validTo(), request.endReason());
        return membership;
    }

    /**
     * A role change ends the current seat the day before {@code on} and starts the next in the new role
     * from {@code on}, until the old seat's end.
     */
    @Transactional
    public BodyMembership changeRole(UUID bodyId, UUID membershipId, RoleChangeRequest request) {
        var current = membership(bodyId, membershipId);
        if (!current.covers(request.on()) || !request.on().isAfter(current.validFrom)) {
            throw RuleException.broken("on", "a role change must fall after the seat began (" + current.validFrom
                    + ") and within it");
        }
        if (request.role() == current.role) {
            throw RuleException.broken("role", "the seat is " + current.role + " already");
        }
        var next = new BodyMembership();
        next.id = UUID.randomUUID();
        next.bodyId = bodyId;
        next.personId = current.personId;
        next.role = request.role();
        next.voting = request.voting() == null ? current.voting : request.voting();
        next.representingOrganizationId = current.representingOrganizationId;
        next.validFrom = request.on();
        next.validTo = current.validTo;
        close(current, request.on().minusDays(1), request.reason() == null ? "role change" : request.reason());
        return seat(get(bodyId), next, people.nameOf(current.personId)
                .orElseThrow(() -> RuleException.unknown("person", current.personId)), current.id);
    }

    /**
     * A decision appoints a person to a seat of {@code role} from {@code from} to {@code until} (open-ended when null).
     * The previous holder of a single-seat role (one CHAIR) is succeeded: their seat ends the day before; a person
     * sitting in the body in another role changes role. Appointing someone to the role they hold already changes
     * nothing (the decision recorded again). A seat taken otherwise, a missing person or dates that do not fit break
     * the same rules as a seat taken through the API.
     */
    @Transactional
    public void appoint(UUID bodyId, UUID personId, BodyRole role, LocalDate from, LocalDate until,
            DecisionReference decision) {
        var body = get(bodyId);
        var personName = people.nameOf(personId)
                .orElseThrow(() -> RuleException.broken("personId", "person " + personId + " does not exist"));
        var current = BodyMembership.<BodyMembership>list("bodyId", bodyId).stream().filter(m -> m.covers(from)).toList();
        var own = current.stream().filter(m -> m.personId.equals(personId)).findFirst();
        if (own.isPresent() && own.get().role == role) {
            LOG.infof("decision %s: person %s is %s of body %s on %s already", decision.decisionId(), personId, role,
                    bodyId, from);
            return;
        }
        var reason = "decision " + decision.decisionId() + " (item " + decision.itemNumber() + ")";
        if (Integer.valueOf(1).equals(body.seats(role))) {
            for (var predecessor : current.stream().filter(m -> m.role == role).toList()) {
                close(predecessor, from.minusDays(1), "succeeded by " + reason);
            }
        }
        own.ifPresent(seat -> close(seat, from.minusDays(1), "appointed " + role + " by " + reason));
        var membership = new BodyMembership();
        membership.id = UUID.randomUUID();
        membership.bodyId = bodyId;
        membership.personId = personId;
        membership.role = role;
        membership.voting = own.map(seat -> seat.voting).orElse(true);
        membership.representingOrganizationId = own.map(seat -> seat.representingOrganizationId).orElse(null);
        membership.validFrom = from;
        membership.validTo = until;
        seat(body, membership, personName, null);
    }

    /**
     * Who sat in the body on a date; served by the index on (body_id, valid_from, valid_to). One query
     * on this hot path: whether the body exists is asked only when nobody sat.
     */
    public List<Seat> membersOn(UUID bodyId, LocalDate on) {
        var seats = seats("m.bodyId = :key and m.validFrom <= :on and (m.validTo is null or m.validTo >= :on)", bodyId,
                on);
        if (seats.isEmpty()) {
            get(bodyId);
        }
        return seats;
    }

    /** Every seat the body has had, oldest first. */
    public List<Seat> allMembers(UUID bodyId) {
        get(bodyId);
        return seats("m.bodyId = :key", bodyId, null);
    }

    /** The seats of a person, on a date or ever. */
    public List<Seat> seatsOf(UUID personId, LocalDate on) {
        if (people.nameOf(personId).isEmpty()) {
            throw RuleException.unknown("person", personId);
        }
        return on == null ? seats("m.personId = :key", personId, null)
                : seats("m.personId = :key and m.validFrom <= :on and (m.validTo is null or m.validTo >= :on)",
                        personId, on);
    }

    public BodyMembership membership(UUID bodyId, UUID membershipId) {
        return BodyMembership.<BodyMembership>findByIdOptional(membershipId)
                .filter(m -> m.bodyId.equals(bodyId))
                .orElseThrow(() -> RuleException.unknown("membership of body " + bodyId, membershipId));
    }

    private List<Seat> seats(String where, UUID key, LocalDate on) {
        var query = em.createQuery("select m, p.name, coalesce(b.shortName, b.name) from BodyMembership m, "
                + "Person p, Body b where p.id = m.personId and b.id = m.bodyId and " + where
                + " order by m.validFrom, m.role, p.name", Object[].class).setParameter("key", key);
        if (on != null) {
            query.setParameter("on", on);
        }
        return query.getResultList().stream()
                .map(row -> new Seat((BodyMembership) row[0], (String) row[1], (String) row[2])).toList();
    }

    /** A seat with its names, as {@link #membersOn} gives them. */
    public Seat seat(BodyMembership membership) {
        var body = get(membership.bodyId);
        return new Seat(membership, people.nameOf(membership.personId).orElse(null),
                body.shortName == null ? body.name : body.shortName);
    }

    private BodyMembership seat(Body body, BodyMembership membership, String personName, UUID replacing) {
        if (membership.validTo != null && membership.validTo.isBefore(membership.validFrom)) {
            throw RuleException.broken("validTo", "must not be before validFrom");
        }
        List<BodyMembership> overlapping = BodyMembership.<BodyMembership>list("bodyId", body.id).stream()
                .filter(m -> !m.id.equals(replacing) && m.overlaps(membership.validFrom, membership.validTo))
                .toList();
        if (overlapping.stream().anyMatch(m -> m.personId.equals(membership.personId))) {
            throw RuleException.broken("personId", "person " + membership.personId + " holds a seat in body " + body.id
                    + " in that period already; change its role instead");
        }
        var seats = body.seats(membership.role);
        if (seats != null) {
            var sameRole = overlapping.stream().filter(m -> m.role == membership.role).toList();
            // The most holders at once within the new period: at its start or when another seat starts.
            var most = Stream.concat(Stream.of(membership.validFrom), sameRole.stream().map(m -> m.validFrom))
                    .filter(membership::covers)
                    .mapToLong(day -> sameRole.stream().filter(m -> m.covers(day)).count()).max().orElse(0);
            if (most >= seats) {
                throw RuleException.broken("role", "body " + body.id + " has " + seats + " " + membership.role
                        + " seat(s), taken in that period");
            }
        }
        membership.persist();
        outbox.publish(new BodyMembershipStarted(membership.id, body.id, membership.personId, personName,
                membership.role.name(), membership.voting, membership.representingOrganizationId,
                membership.validFrom, membership.validTo));
        LOG.infof("membership %s: person %s took a %s seat in body %s from %s", membership.id, membership.personId,
                membership.role, body.id, membership.validFrom);
        return membership;
    }

    private void close(BodyMembership membership, LocalDate validTo, String reason) {
        if (membership.validTo != null && !membership.validTo.isAfter(validTo)) {
            throw RuleException.conflict("membership " + membership.id + " ends on " + membership.validTo + " already");
        }
        if (validTo.isBefore(membership.validFrom)) {
            throw RuleException.broken("validTo", "must not be before the seat began (" + membership.validFrom + ")");
        }
        membership.validTo = validTo;
        membership.endReason = reason;
        outbox.publish(new BodyMembershipEnded(membership.id, membership.bodyId, membership.personId, validTo,
                reason));
    }

    private static void apply(Body body, BodyRequest request) {
        if (request.validFrom() != null && request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            throw RuleException.broken("validTo", "must not be before validFrom");
        }
        if (request.parentBodyId() != null) {
            if (request.parentBodyId().equals(body.id) || Body.findById(request.parentBodyId()) == null) {
                throw RuleException.broken("parentBodyId", "body " + request.parentBodyId()
                        + " does not exist or is this body");
            }
            // A body may not end up under itself.
            for (var ancestor = Body.<Body>findById(request.parentBodyId()); ancestor != null;
                    ancestor = ancestor.parentBodyId == null ? null : Body.findById(ancestor.parentBodyId)) {
                if (ancestor.id.equals(body.id)) {
                    throw RuleException.broken("parentBodyId", "body " + body.id
                            + " cannot be placed under its own child");
                }
            }
        }
        body.kind = request.kind();
        body.name = request.name().strip();
        body.shortName = request.shortName();
        body.parentBodyId = request.parentBodyId();
        body.mandateText = request.mandateText();
        body.mandateDocument = request.mandateDocument();
        body.validFrom = request.validFrom();
        body.validTo = request.validTo();
        body.chairSeats = request.chairSeats() == null ? 1 : request.chairSeats();
        body.viceChairSeats = request.viceChairSeats() == null ? 1 : request.viceChairSeats();
    }
}
