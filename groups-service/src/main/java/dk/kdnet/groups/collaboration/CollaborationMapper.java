package dk.kdnet.groups.collaboration;

import dk.kdnet.events.DecisionReference;
import dk.kdnet.groups.collaboration.CollaborationApi.CollaborationView;
import dk.kdnet.groups.collaboration.CollaborationApi.MembershipView;
import dk.kdnet.groups.collaboration.CollaborationApi.TermsView;
import java.time.LocalDate;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
public interface CollaborationMapper {

    CollaborationView toView(Collaboration collaboration);

    TermsView toView(CollaborationTerms terms);

    @Mapping(target = "reason", source = "membership.withdrawalReason")
    @Mapping(target = "id", source = "membership.id")
    @Mapping(target = "version", source = "membership.version")
    MembershipView toView(CollaborationMembership membership, String organizationName, MembershipStatus status,
            LocalDate statusOn, String termsVersion);

    default DecisionReference toReference(DecisionRef decision) {
        return DecisionRef.toReference(decision);
    }
}
