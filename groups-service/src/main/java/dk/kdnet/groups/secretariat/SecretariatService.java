package dk.kdnet.groups.secretariat;

import dk.kdnet.groups.body.Body;
import dk.kdnet.groups.organization.Organization;
import dk.kdnet.groups.person.Person;
import dk.kdnet.groups.secretariat.SecretariatApi.SecretariatRequest;
import dk.kdnet.groups.secretariat.SecretariatApi.StaffRequest;
import dk.kdnet.problems.ProblemException.NotFound;
import dk.kdnet.problems.ProblemException.RuleViolation;
import dk.kdnet.web.ETags;
import dk.kdnet.web.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Secretariats and their staff. */
@ApplicationScoped
public class SecretariatService {

    @Transactional
    public Secretariat register(UUID id, SecretariatRequest request) {
        var secretariat = new Secretariat();
        secretariat.id = id;
        apply(secretariat, request);
        secretariat.persist();
        return secretariat;
    }

    /** {@code ifMatch} is the ETag the change was based on ({@link ETags#requireMatch}). */
    @Transactional
    public Secretariat update(UUID id, String ifMatch, SecretariatRequest request) {
        var secretariat = get(id);
        ETags.requireMatch(ifMatch, secretariat.version);
        apply(secretariat, request);
        return secretariat;
    }

    public Secretariat get(UUID id) {
        return Secretariat.<Secretariat>findByIdOptional(id).orElseThrow(() -> new NotFound("secretariat", id));
    }

    public Page<Secretariat> list(int page, int size) {
        var query = Secretariat.<Secretariat>findAll(Sort.by("name"));
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    @Transactional
    public StaffAssignment assign(UUID secretariatId, StaffRequest request) {
        get(secretariatId);
        if (Person.findById(request.personId()) == null) {
            throw new RuleViolation("personId", "person " + request.personId() + " does not exist");
        }
        checkPeriod(request.validFrom(), request.validTo());
        var assignment = new StaffAssignment();
        assignment.id = UUID.randomUUID();
        assignment.secretariatId = secretariatId;
        assignment.personId = request.personId();
        assignment.role = request.role().strip();
        assignment.fte = request.fte();
        assignment.validFrom = request.validFrom();
        assignment.validTo = request.validTo();
        assignment.persist();
        return assignment;
    }

    /** Staff on a date, or every assignment ever when {@code on} is null. */
    public List<StaffAssignment> staff(UUID secretariatId, LocalDate on) {
        get(secretariatId);
        return StaffAssignment.of(secretariatId, on);
    }

    private static void apply(Secretariat secretariat, SecretariatRequest request) {
        if (request.hostOrganizationId() != null && Organization.findById(request.hostOrganizationId()) == null) {
            throw new RuleViolation("hostOrganizationId", "organization " + request.hostOrganizationId()
                    + " does not exist");
        }
        var served = request.servedBodyIds() == null ? List.<UUID>of() : request.servedBodyIds();
        var bodies = served.isEmpty() ? 0 : Body.count("id in ?1", served);
        if (bodies != served.stream().distinct().count()) {
            throw new RuleViolation("servedBodyIds", "every served body must exist, once");
        }
        if (request.reportsToBodyId() != null && Body.findById(request.reportsToBodyId()) == null) {
            throw new RuleViolation("reportsToBodyId", "body " + request.reportsToBodyId() + " does not exist");
        }
        checkPeriod(request.validFrom(), request.validTo());
        secretariat.name = request.name().strip();
        secretariat.hostOrganizationId = request.hostOrganizationId();
        secretariat.fte = request.fte();
        secretariat.servedBodyIds = served.toArray(UUID[]::new);
        secretariat.reportsToBodyId = request.reportsToBodyId();
        secretariat.reportsTo = request.reportsTo();
        secretariat.validFrom = request.validFrom();
        secretariat.validTo = request.validTo();
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new RuleViolation("validTo", "must not be before validFrom");
        }
    }
}
