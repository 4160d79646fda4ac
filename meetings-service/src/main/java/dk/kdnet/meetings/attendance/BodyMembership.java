package dk.kdnet.meetings.attendance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Read model of a seat in a body (groups-service's body memberships): who is expected at its meetings. */
@Entity
public class BodyMembership extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID bodyId;

    public UUID personId;

    public String displayName;

    public String role;

    public boolean voting;

    public UUID representingOrganizationId;

    public LocalDate validFrom;

    /** The last day of the seat; null while open-ended. */
    public LocalDate validTo;

    public static List<BodyMembership> on(UUID bodyId, LocalDate day) {
        return find("bodyId = ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?2)",
                Sort.by("displayName").and("id"), bodyId, day).list();
    }
}
