package dk.kdnet.economy.budget;

import dk.kdnet.economy.budget.BudgetApi.Kind;
import dk.kdnet.economy.scheme.SchemeApi.OwnerKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.Audited;

/** A budget or the accounts of an owner for a year; its lines live in versions. */
@Entity
@Audited
public class Budget extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public OwnerKind ownerKind;

    public UUID ownerId;

    public int year;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String title;

    public Instant createdAt;

    @Version
    public long version;
}
