package dk.kdnet.meetings;

import static dk.kdnet.testing.architecture.ArchitectureRules.plainJavaClasses;
import static dk.kdnet.testing.architecture.ArchitectureRules.plainJavaPackages;

import dk.kdnet.meetings.decision.EffectRules;
import dk.kdnet.meetings.meeting.MeetingAction;
import dk.kdnet.meetings.meeting.MeetingRules;
import dk.kdnet.testing.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest extends ServiceArchitecture {

    ArchitectureTest() {
        super("dk.kdnet.meetings");
    }

    @Test
    void numberingAndTheMeetingAndEffectRulesArePlainJava() {
        plainJavaPackages("dk.kdnet.meetings.numbering..").check(classes());
        plainJavaClasses(MeetingRules.class, MeetingAction.class, EffectRules.class).check(classes());
    }
}
