package dk.kdnet.groups.person;

import dk.kdnet.events.Outbox;
import dk.kdnet.events.groups.PersonErased;
import dk.kdnet.groups.body.People;
import dk.kdnet.groups.organization.Organization;
import dk.kdnet.groups.person.PersonApi.PersonRequest;
import dk.kdnet.problems.ProblemException.Conflict;
import dk.kdnet.problems.ProblemException.NotFound;
import dk.kdnet.problems.ProblemException.RuleViolation;
import dk.kdnet.web.ETags;
import dk.kdnet.web.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Persons; no events but the erasure, since events must not carry personal data. */
@ApplicationScoped
public class PersonService implements People {

    private static final Logger LOG = Logger.getLogger(PersonService.class);

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Transactional
    public Person register(UUID id, PersonRequest request) {
        var person = new Person();
        person.id = id;
        apply(person, request);
        person.persist();
        return person;
    }

    /** {@code ifMatch} is the ETag the change was based on ({@link ETags#requireMatch}). */
    @Transactional
    public Person update(UUID id, String ifMatch, PersonRequest request) {
        var person = get(id);
        ETags.requireMatch(ifMatch, person.version);
        if (person.erased()) {
            throw new Conflict("person " + id + " was erased; register a new person instead");
        }
        apply(person, request);
        return person;
    }

    /**
     * Erases the personal data (GDPR): the person stays, shown as an erased person, so the history of
     * memberships stays consistent. The audit history is scrubbed too, since it must not keep what was
     * erased. Erasing twice changes nothing.
     */
    @Transactional
    public Person erase(UUID id) {
        var person = get(id);
        if (person.erased()) {
            return person;
        }
        person.name = Person.ERASED_NAME;
        person.title = null;
        person.email = null;
        person.employerOrganizationId = null;
        person.erasedAt = Instant.now();
        em.flush();
        em.createNativeQuery("UPDATE person_aud SET name = ?1, title = NULL, email = NULL, "
                + "employer_organization_id = NULL WHERE id = ?2")
                .setParameter(1, Person.ERASED_NAME).setParameter(2, id).executeUpdate();
        outbox.publish(new PersonErased(id, Person.ERASED_NAME));
        LOG.infof("erased the personal data of person %s", id);
        return person;
    }

    @Override
    public Optional<String> nameOf(UUID personId) {
        return Person.<Person>findByIdOptional(personId).map(person -> person.name);
    }

    public Person get(UUID id) {
        return Person.<Person>findByIdOptional(id).orElseThrow(() -> new NotFound("person", id));
    }

    public Page<Person> list(int page, int size) {
        var query = Person.<Person>findAll(Sort.by("name").and("id"));
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    private static void apply(Person person, PersonRequest request) {
        if (request.employerOrganizationId() != null && Organization.findById(request.employerOrganizationId()) == null) {
            throw new RuleViolation("employerOrganizationId", "organization " + request.employerOrganizationId()
                    + " does not exist");
        }
        person.name = request.name().strip();
        person.title = request.title();
        person.employerOrganizationId = request.employerOrganizationId();
        person.email = request.email();
    }
}
