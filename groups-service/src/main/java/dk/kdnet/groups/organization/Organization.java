package dk.kdnet.groups.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.envers.Audited;

@Entity
@Audited
public class Organization extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public OrganizationKind kind;

    public String name;

    public String shortName;

    @Column(unique = true)
    public String municipalityCode;

    public String cvr;

    public String ean;

    @Version
    public long version;

    public static Optional<Organization> byMunicipalityCode(String code) {
        return find("municipalityCode", code).firstResultOptional();
    }
}
