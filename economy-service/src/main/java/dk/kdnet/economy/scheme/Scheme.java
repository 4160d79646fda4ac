package dk.kdnet.economy.scheme;

import com.fasterxml.jackson.core.type.TypeReference;
import dk.kdnet.economy.Json;
import dk.kdnet.economy.financing.BudgetMode;
import dk.kdnet.economy.financing.PopulationBasis;
import dk.kdnet.economy.financing.RoundingPolicy;
import dk.kdnet.economy.scheme.SchemeApi.OwnerKind;
import dk.kdnet.economy.scheme.SchemeParts.StoredComponent;
import dk.kdnet.economy.scheme.SchemeParts.StoredCorrection;
import dk.kdnet.economy.scheme.SchemeParts.StoredMember;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.envers.Audited;

/** A financing scheme; its parts are JSON documents because they are only ever read and written whole. */
@Entity
@Audited
@Table(name = "financing_scheme")
public class Scheme extends PanacheEntityBase {

    /** Where a scheme stands; APPROVED schemes have charges. */
    public enum Status { DRAFT, APPROVED }

    private static final TypeReference<List<StoredComponent>> COMPONENTS = new TypeReference<>() {};
    private static final TypeReference<List<StoredMember>> MEMBERS = new TypeReference<>() {};
    private static final TypeReference<List<StoredCorrection>> CORRECTIONS = new TypeReference<>() {};

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public OwnerKind ownerKind;

    public UUID ownerId;

    public String name;

    public int year;

    @Enumerated(EnumType.STRING)
    public BudgetMode budgetMode;

    @Enumerated(EnumType.STRING)
    public RoundingPolicy rounding;

    public BigDecimal sharedTotal;

    public BigDecimal indexation;

    /** The population reference date the components use, so a population event finds its schemes. */
    public LocalDate populationDate;

    @Enumerated(EnumType.STRING)
    public PopulationBasis populationBasis;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String components;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String members;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String corrections;

    @Enumerated(EnumType.STRING)
    public Status status;

    public Instant approvedAt;

    public BigDecimal total;

    public BigDecimal sumOfRows;

    public Instant createdAt;

    @Version
    public long version;

    public PopulationBasis basis() {
        return populationBasis == null ? PopulationBasis.RECORDED : populationBasis;
    }

    public List<StoredComponent> storedComponents() {
        return Json.read(components, COMPONENTS);
    }

    public List<StoredMember> storedMembers() {
        return Json.read(members, MEMBERS);
    }

    public List<StoredCorrection> storedCorrections() {
        return Json.read(corrections, CORRECTIONS);
    }
}
