package dk.kdnet.meetings.agenda;

import dk.kdnet.meetings.agenda.AgendaItemApi.ItemView;
import org.mapstruct.Mapper;

@Mapper
public interface AgendaItemMapper {

    ItemView toView(AgendaItem item);
}
