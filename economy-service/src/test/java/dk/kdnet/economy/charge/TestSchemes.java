package dk.kdnet.economy.charge;

import dk.kdnet.economy.financing.BudgetMode;
import dk.kdnet.economy.financing.RoundingPolicy;
import dk.kdnet.economy.scheme.SchemeApi;
import dk.kdnet.economy.scheme.SchemeApi.ComponentKind;
import dk.kdnet.economy.scheme.SchemeApi.ComponentSpec;
import dk.kdnet.economy.scheme.SchemeApi.MemberSpec;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the recalculation tests set up: municipalities with a population, and schemes over them. */
final class TestSchemes {

    static final LocalDate JAN_1_2023 = LocalDate.of(2023, 1, 1);

    private TestSchemes() {}

    /** A municipality in economy's read model with its population on 1 January 2023, committed. */
    static UUID municipality(EntityManager em, long population) {
        var id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO organization (id, kind, name) VALUES (?1, 'MUNICIPALITY', 'Test')")
                    .setParameter(1, id).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO population (organization_id, reference_date, count, source)
                    VALUES (?1, ?2, ?3, 'test')""")
                    .setParameter(1, id).setParameter(2, JAN_1_2023).setParameter(3, population).executeUpdate();
        });
        return id;
    }

    /** 1,000,000 for 2024 over the members: a quarter in equal shares, the rest by population. */
    static SchemeApi.SchemeRequest request(String title, List<UUID> members, BudgetMode mode) {
        return new SchemeApi.SchemeRequest(SchemeApi.OwnerKind.BODY, UUID.randomUUID(), title, 2024, mode,
                RoundingPolicy.HALF_UP, new BigDecimal(1_000_000), null,
                List.of(new ComponentSpec(ComponentKind.EQUAL_SHARE, new BigDecimal(25), null, null, null, null, null,
                                null),
                        new ComponentSpec(ComponentKind.BY_POPULATION, new BigDecimal(75), JAN_1_2023, null, null,
                                null, null, null)),
                members.stream().map(m -> new MemberSpec(m, null, null, null, null, null)).toList(), List.of());
    }
}
