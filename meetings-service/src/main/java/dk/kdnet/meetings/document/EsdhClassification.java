package dk.kdnet.meetings.document;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.UUID;

/**
 * The KLE classification an ESDH system files a body's meeting documents under, subject number and action facet
 * (handlingsfacet): per body ({@code kdnet.meetings.esdh.kle."<body id>"=00.01.10 G01}), else the default, KD-Net's
 * {@code 00.01.10 G01}. A value without a facet takes {@code default-action-facet}.
 */
@ConfigMapping(prefix = "kdnet.meetings.esdh")
public interface EsdhClassification {

    @WithDefault("00.01.10 G01")
    String defaultKle();

    /** G01: general cases (generelle sager), what a body's meeting documents are. */
    @WithDefault("G01")
    String defaultActionFacet();

    Map<String, String> kle();

    default Kle of(UUID body) {
        var parts = kle().getOrDefault(body.toString(), defaultKle()).strip().split("\\s+");
        return new Kle(parts[0], parts.length > 1 ? parts[1] : defaultActionFacet());
    }

    /** "00.01.10 G01": subject number (emnenummer) and action facet. */
    record Kle(String subjectNumber, String actionFacet) {

        public String code() {
            return subjectNumber + " " + actionFacet;
        }
    }
}
