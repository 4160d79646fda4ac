package dk.kdnet.meetings.attachment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** What an uploaded file may be: at most {@code maxBytes}, of one of the office and image types. */
@ConfigMapping(prefix = "kdnet.meetings.attachments")
public interface AttachmentLimits {

    @WithDefault("26214400")
    long maxBytes();

    @WithDefault("application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
            + "application/vnd.openxmlformats-officedocument.presentationml.presentation,"
            + "application/msword,application/vnd.ms-excel,application/vnd.ms-powerpoint,"
            + "text/plain,text/csv,image/png,image/jpeg")
    Set<String> mediaTypes();
}
