package dk.kdnet.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The boundaries every service keeps, as ArchUnit rules over its main classes: no package cycles, rules in plain Java,
 * resources that leave queries to the services, native queries whose plans are cached once.
 */
public final class ArchitectureRules {

    /** What rule code must not depend on: HTTP, the container, persistence and problem responses. */
    private static final String[] FRAMEWORKS = {"jakarta..", "io.quarkus..", "org.hibernate..", "dk.kdnet.problems.."};

    private static final String ENTITY = "io.quarkus.hibernate.orm.panache.PanacheEntityBase";

    private static final DescribedPredicate<JavaCall<?>> QUERY = new DescribedPredicate<>(
            "Panache or JPA (a query or a write)") {
        @Override
        public boolean test(JavaCall<?> call) {
            var target = call.getTarget();
            // Person.findById(...) compiles to a call on Person; the method is PanacheEntityBase's. An entity's own
            // static methods (AgendaItem.ofMeeting) are its queries.
            return persistence(target.getOwner())
                    || target.resolveMember().map(member -> persistence(member.getOwner())
                            || member.getModifiers().contains(JavaModifier.STATIC)
                                    && member.getOwner().isAssignableTo(ENTITY)).orElse(false);
        }
    };

    private ArchitectureRules() {}

    /** The service's main classes (no tests), e.g. {@code dk.kdnet.groups}. */
    public static JavaClasses mainClasses(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** No package below {@code basePackage} depends on another that depends back on it, directly or around a loop. */
    public static ArchRule noPackageCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
    }

    /** Rules in plain Java: the classes of these packages depend on no framework, persistence or HTTP problem. */
    public static ArchRule plainJavaPackages(String... packages) {
        return noClasses().that().resideInAnyPackage(packages).should().dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS);
    }

    /** As {@link #plainJavaPackages}, for rule classes that live next to the entities they serve. */
    public static ArchRule plainJavaClasses(Class<?>... classes) {
        return noClasses().that().belongToAnyOf(classes).should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);
    }

    /** REST resources run no queries: they call services, which own the transactions and the queries. */
    public static ArchRule resourcesRunNoQueries() {
        return noClasses().that().haveSimpleNameEndingWith("Resource").should().callCodeUnitWhere(QUERY)
                .allowEmptyShould(true);
    }

    /**
     * A native query names the type of its one column with {@code addScalar}, never as
     * {@code createNativeQuery(sql, Type.class)}: Hibernate ORM 7.2 keys the plan of such a query by a result builder
     * without {@code equals}, so each call caches a new plan under the same hash. The cache fills, every lookup of a
     * query with that SQL walks all of them, and the plans of other queries are evicted (notifications-service spent
     * a fifth of its CPU there: {@code QueryPlanCacheTest}).
     */
    public static ArchRule nativeQueriesNameTheirScalars() {
        return noClasses().should()
                .callMethod("jakarta.persistence.EntityManager", "createNativeQuery", "java.lang.String", "java.lang.Class")
                .because("its plan is cached anew on every call; use .unwrap(NativeQuery.class).addScalar(column, type)")
                .allowEmptyShould(true);
    }

    private static boolean persistence(JavaClass owner) {
        var name = owner.getPackageName();
        return name.startsWith("io.quarkus.hibernate.orm.panache") || name.startsWith("jakarta.persistence");
    }
}
