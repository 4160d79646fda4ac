package dk.kdnet.meetings.meeting;

import dk.kdnet.meetings.meeting.MeetingApi.MeetingView;
import java.time.OffsetDateTime;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
public interface MeetingMapper {

    @Mapping(target = "location", expression = "java(new MeetingApi.Location(meeting.locationKind, meeting.place, meeting.platform))")
    MeetingView toView(Meeting meeting);

    default OffsetDateTime inCopenhagen(OffsetDateTime time) {
        return Copenhagen.time(time);
    }
}
