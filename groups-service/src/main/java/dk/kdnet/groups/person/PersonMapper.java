package dk.kdnet.groups.person;

import dk.kdnet.groups.person.PersonApi.PersonView;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
public interface PersonMapper {

    @Mapping(target = "erased", expression = "java(person.erased())")
    PersonView toView(Person person);

    /** For callers who do not see internal material: the e-mail address is personal data. */
    @Mapping(target = "erased", expression = "java(person.erased())")
    @Mapping(target = "email", ignore = true)
    PersonView toPublicView(Person person);
}
