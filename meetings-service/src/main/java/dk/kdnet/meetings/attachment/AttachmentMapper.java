package dk.kdnet.meetings.attachment;

import dk.kdnet.meetings.attachment.AttachmentApi.AttachmentView;
import dk.kdnet.meetings.meeting.Copenhagen;
import java.time.OffsetDateTime;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
public interface AttachmentMapper {

    @Mapping(target = "contentUrl", expression = "java(attachment.kind == AttachmentKind.FILE ? \"/api/meetings/attachments/\" + attachment.id + \"/content\" : null)")
    AttachmentView toView(Attachment attachment);

    default OffsetDateTime inCopenhagen(OffsetDateTime time) {
        return Copenhagen.time(time);
    }
}
