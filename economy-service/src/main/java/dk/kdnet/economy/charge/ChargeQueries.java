package dk.kdnet.economy.charge;

import dk.kdnet.economy.charge.ChargeApi.ChargeList;
import dk.kdnet.economy.charge.ChargeApi.ChargeView;
import dk.kdnet.economy.organization.Organization;
import dk.kdnet.economy.scheme.Scheme;
import dk.kdnet.security.Caller;
import dk.kdnet.problems.ProblemException.NotFound;
import dk.kdnet.web.SortKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

/** The reads of charges: the filtered list, one visible charge, its versions, a scheme's contribution table. */
@ApplicationScoped
public class ChargeQueries {

    /** The charges matching the filter, a page of them, with the scheme total and the sum of all matching rows. */
    public ChargeList list(UUID scheme, Integer year, UUID organization, SortKey order, boolean seesInternal, int page,
            int size) {
        var where = new ArrayList<String>();
        var parameters = new HashMap<String, Object>();
        if (scheme != null) {
            where.add("schemeId = :scheme");
            parameters.put("scheme", scheme);
        }
        if (year != null) {
            where.add("year = :year");
            parameters.put("year", year);
        }
        if (organization != null) {
            where.add("organizationId = :organization");
            parameters.put("organization", organization);
        }
        if (!seesInternal) {
            where.add("schemeId in (select s.id from Scheme s where s.status = :approved)");
            parameters.put("approved", Scheme.Status.APPROVED);
        }
        var filter = String.join(" and ", where);
        var by = order.jpql(order.key().equals("payer")
                ? "(select o.name from Organization o where o.id = organizationId)" : "amount");
        List<Charge> list = Charge.<Charge>find(filter + " order by " + by + ", " + order.jpql("organizationId"),
                        parameters)
                .page(page, size).list();
        var names = Organization.names(list.stream().map(c -> c.organizationId).distinct().toList());
        var items = list.stream().map(c -> ChargeView.of(c, names.get(c.organizationId))).toList();
        var totals = Charge.getEntityManager()
                .createQuery("select count(*), sum(amount) from Charge where " + filter, Object[].class);
        parameters.forEach(totals::setParameter);
        var counted = totals.getSingleResult();
        var sumOfRows = counted[1] == null ? BigDecimal.ZERO : (BigDecimal) counted[1];
        BigDecimal schemeTotal = null;
        if (scheme != null) {
            schemeTotal = Scheme.<Scheme>findByIdOptional(scheme)
                    .filter(s -> seesInternal || s.status == Scheme.Status.APPROVED).map(s -> s.total).orElse(null);
        }
        return new ChargeList(scheme, year, schemeTotal, sumOfRows, items, page, size, (Long) counted[0]);
    }

    /**
     * A charge the caller may read (404, not 403, otherwise): a client limited to one organization sees no other's,
     * and only members and the secretariat see a charge of a scheme that is not approved.
     */
    public Charge visible(UUID id, Caller caller) {
        var charge = Charge.<Charge>findByIdOptional(id).orElseThrow(() -> new NotFound("charge", id));
        var scope = caller.organizationScope();
        if (scope != null && !scope.equals(charge.organizationId)) {
            throw new NotFound("charge", id);
        }
        if (!caller.seesInternal()
                && Scheme.<Scheme>findById(charge.schemeId).status != Scheme.Status.APPROVED) {
            throw new NotFound("charge", id);
        }
        return charge;
    }

    public List<ChargeVersion> versions(UUID chargeId) {
        return ChargeVersion.list("chargeId = ?1 order by chargeVersion", chargeId);
    }

    public String name(UUID organizationId) {
        return Organization.names(List.of(organizationId)).get(organizationId);
    }

    /** The scheme's current charges as a contribution table, payers only, largest first. */
    public ContributionTable contributions(Scheme scheme) {
        var stored = Charge.<Charge>list("schemeId = ?1 and months > 0 order by amount desc, organizationId", scheme.id);
        var names = Organization.names(stored.stream().map(c -> c.organizationId).toList());
        var lines = stored.stream().map(c -> new ContributionTable.Line(
                names.getOrDefault(c.organizationId, c.organizationId.toString()), c.amount, c.breakdownView()))
                .toList();
        var kinds = scheme.storedComponents().stream().map(c -> c.kind().name()).toList();
        return ContributionTable.of(scheme.year, kinds, scheme.populationDate != null, lines, scheme.total);
    }
}
