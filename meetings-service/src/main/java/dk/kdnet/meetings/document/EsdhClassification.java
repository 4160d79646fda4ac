package dk.kdnet.meetings.document;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.UUID;

/**
 * The KLE classification an ESDH system files a body's meeting documents under: per body
 * ({@code kdnet.meetings.esdh.kle."<body id>"=...}), else the default, KD-Net's 00.01.10.
 */
@ConfigMapping(prefix = "kdnet.meetings.esdh")
public interface EsdhClassification {

    @WithDefault("00.01.10")
    String defaultKle();

    Map<String, String> kle();

    default String of(UUID body) {
        return kle().getOrDefault(body.toString(), defaultKle());
    }
}
