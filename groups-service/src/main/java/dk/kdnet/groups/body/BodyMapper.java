package dk.kdnet.groups.body;

import dk.kdnet.groups.body.BodyApi.BodyView;
import dk.kdnet.groups.body.BodyApi.MemberView;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
public interface BodyMapper {

    BodyView toView(Body body);

    @Mapping(target = "id", source = "membership.id")
    @Mapping(target = "version", source = "membership.version")
    MemberView toView(BodyMembership membership, String personName, String bodyName);
}
