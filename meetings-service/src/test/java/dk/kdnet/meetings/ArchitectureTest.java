package dk.kdnet.meetings;

import static dk.kdnet.testing.architecture.ArchitectureRules.mainClasses;
import static dk.kdnet.testing.architecture.ArchitectureRules.nativeQueriesNameTheirScalars;
import static dk.kdnet.testing.architecture.ArchitectureRules.noPackageCycles;
import static dk.kdnet.testing.architecture.ArchitectureRules.plainJavaClasses;
import static dk.kdnet.testing.architecture.ArchitectureRules.plainJavaPackages;
import static dk.kdnet.testing.architecture.ArchitectureRules.resourcesRunNoQueries;

import com.tngtech.archunit.core.domain.JavaClasses;
import dk.kdnet.meetings.decision.EffectRules;
import dk.kdnet.meetings.meeting.MeetingAction;
import dk.kdnet.meetings.meeting.MeetingRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = mainClasses("dk.kdnet.meetings");

    @Test
    void noPackageDependsOnOneThatDependsOnIt() {
        noPackageCycles("dk.kdnet.meetings").check(CLASSES);
    }

    @Test
    void numberingAndTheMeetingAndEffectRulesArePlainJava() {
        plainJavaPackages("dk.kdnet.meetings.numbering..").check(CLASSES);
        plainJavaClasses(MeetingRules.class, MeetingAction.class, EffectRules.class).check(CLASSES);
    }

    @Test
    void resourcesLeaveQueriesToTheServices() {
        resourcesRunNoQueries().check(CLASSES);
    }

    @Test
    void nativeQueriesAreCachedOnce() {
        nativeQueriesNameTheirScalars().check(CLASSES);
    }
}
