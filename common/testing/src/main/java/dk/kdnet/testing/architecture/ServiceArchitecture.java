package dk.kdnet.testing.architecture;

import static dk.kdnet.testing.architecture.ArchitectureRules.mainClasses;
import static dk.kdnet.testing.architecture.ArchitectureRules.nativeQueriesNameTheirScalars;
import static dk.kdnet.testing.architecture.ArchitectureRules.noPackageCycles;
import static dk.kdnet.testing.architecture.ArchitectureRules.resourcesRunNoQueries;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The rules every service keeps, for its {@code ArchitectureTest} to extend with its own: no package cycles,
 * resources that leave queries to the services, native queries whose plans are cached once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitecture {

    private final String basePackage;
    private final JavaClasses classes;

    /** The service's main classes below {@code basePackage}, e.g. {@code dk.kdnet.groups}. */
    protected ServiceArchitecture(String basePackage) {
        this.basePackage = basePackage;
        this.classes = mainClasses(basePackage);
    }

    protected JavaClasses classes() {
        return classes;
    }

    @Test
    void noPackageDependsOnOneThatDependsOnIt() {
        noPackageCycles(basePackage).check(classes);
    }

    @Test
    void resourcesLeaveQueriesToTheServices() {
        resourcesRunNoQueries().check(classes);
    }

    @Test
    void nativeQueriesAreCachedOnce() {
        nativeQueriesNameTheirScalars().check(classes);
    }
}
