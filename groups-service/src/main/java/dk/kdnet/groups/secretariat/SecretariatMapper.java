package dk.kdnet.groups.secretariat;

import dk.kdnet.groups.secretariat.SecretariatApi.SecretariatView;
import dk.kdnet.groups.secretariat.SecretariatApi.StaffView;
import java.util.List;
import java.util.UUID;
import org.mapstruct.Mapper;

@Mapper
public interface SecretariatMapper {

    SecretariatView toView(Secretariat secretariat);

    StaffView toView(StaffAssignment assignment);

    default List<UUID> toList(UUID[] ids) {
        return ids == null ? List.of() : List.of(ids);
    }
}
