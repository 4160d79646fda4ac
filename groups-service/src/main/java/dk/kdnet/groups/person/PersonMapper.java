package dk.kdnet.groups.person;

import dk.kdnet.groups.person.PersonApi.PersonView;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
public interface PersonMapper {

    @Mapping(target = "erased", expression = "java(person.erased())")
    PersonView toView(Person person);
}
