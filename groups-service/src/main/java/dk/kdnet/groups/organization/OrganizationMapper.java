package dk.kdnet.groups.organization;

import dk.kdnet.groups.organization.OrganizationApi.OrganizationView;
import dk.kdnet.groups.organization.OrganizationApi.PopulationView;
import org.mapstruct.Mapper;

@Mapper
public interface OrganizationMapper {

    OrganizationView toView(Organization organization);

    PopulationView toView(PopulationFigure figure);
}
