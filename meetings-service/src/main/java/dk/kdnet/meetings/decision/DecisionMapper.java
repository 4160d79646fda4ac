package dk.kdnet.meetings.decision;

import dk.kdnet.meetings.decision.DecisionApi.DecisionView;
import dk.kdnet.meetings.meeting.Copenhagen;
import java.time.OffsetDateTime;
import org.mapstruct.Mapper;

@Mapper
public interface DecisionMapper {

    DecisionView toView(Decision decision);

    default OffsetDateTime inCopenhagen(OffsetDateTime time) {
        return Copenhagen.time(time);
    }
}
