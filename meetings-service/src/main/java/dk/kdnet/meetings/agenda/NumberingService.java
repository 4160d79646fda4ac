package dk.kdnet.meetings.agenda;

import dk.kdnet.meetings.meeting.Meeting;
import dk.kdnet.meetings.numbering.AgendaNumbering;
import dk.kdnet.meetings.numbering.NumberingPolicy;
import dk.kdnet.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

/** Gives agenda items their numbers under the body's policy (the rules are {@link AgendaNumbering}). */
@ApplicationScoped
public class NumberingService {

    private static final Logger LOG = Logger.getLogger(NumberingService.class);

    @Inject
    EntityManager em;

    public NumberingPolicy policyOf(UUID bodyId) {
        return numberingOf(bodyId).policy;
    }

    /** The body's stored choice, or the default PER_MEETING at version {@link BodyNumbering#UNSET}. */
    public BodyNumbering numberingOf(UUID bodyId) {
        return BodyNumbering.<BodyNumbering>findByIdOptional(bodyId).orElseGet(() -> BodyNumbering.unset(bodyId));
    }

    /**
     * Sets the body's policy. Changing a stored choice needs {@code ifMatch} naming its version; the first choice
     * needs none, or the ETag of the default that was read.
     */
    @Transactional
    public BodyNumbering setPolicy(UUID bodyId, String ifMatch, NumberingPolicy policy) {
        var stored = BodyNumbering.<BodyNumbering>findByIdOptional(bodyId);
        if (stored.isPresent() || ifMatch != null && !ifMatch.isBlank()) {
            ETags.requireMatch(ifMatch, stored.map(n -> n.version).orElse(BodyNumbering.UNSET));
        }
        var numbering = stored.orElseGet(() -> {
            var created = new BodyNumbering();
            created.bodyId = bodyId;
            return created;
        });
        numbering.policy = policy;
        numbering.persist();
        LOG.infof("body %s numbers agenda items %s", bodyId, policy);
        return numbering;
    }

    /** Freezes the numbers of a meeting's items (in agenda order) as its agenda is published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void freeze(Meeting meeting, List<AgendaItem> itemsInOrder) {
        lock(meeting.bodyId);
        meeting.numberingPeriod = policyOf(meeting.bodyId).period(meeting.id, meeting.date());
        var numbers = AgendaNumbering.freeze(itemsInOrder.stream().map(i -> i.number).toList(),
                used(meeting.bodyId, meeting.numberingPeriod));
        for (var i = 0; i < itemsInOrder.size(); i++) {
            itemsInOrder.get(i).number = numbers.get(i);
        }
    }

    /** The number of an item added to an agenda that is already published: the next free one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int next(Meeting meeting) {
        lock(meeting.bodyId);
        return AgendaNumbering.next(used(meeting.bodyId, meeting.numberingPeriod));
    }

    /** Two publications in one body at once would otherwise hand out the same numbers. */
    private void lock(UUID bodyId) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, bodyId.getMostSignificantBits() ^ bodyId.getLeastSignificantBits())
                .getSingleResult();
    }

    @SuppressWarnings("unchecked")
    private List<Integer> used(UUID bodyId, String period) {
        em.flush();
        return em.createNativeQuery("""
                SELECT i.number FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
                WHERE m.body_id = ?1 AND m.numbering_period = ?2 AND i.number IS NOT NULL""")
                .unwrap(NativeQuery.class).addScalar("number", Integer.class)
                .setParameter(1, bodyId).setParameter(2, period).getResultList();
    }
}
