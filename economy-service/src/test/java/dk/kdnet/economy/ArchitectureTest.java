package dk.kdnet.economy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** The boundaries economy-service keeps: no package cycles, rules free of frameworks, resources that run no queries. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dk.kdnet.economy");

    private static final DescribedPredicate<JavaMethodCall> ENTITY_QUERY = DescribedPredicate.describe(
            "a static method of an entity (its queries)", call -> call.getTargetOwner().isAnnotatedWith(Entity.class)
                    && call.getTarget().resolveMember().map(m -> m.getModifiers().contains(JavaModifier.STATIC))
                            .orElse(true));

    private static final DescribedPredicate<JavaMethodCall> PERSISTENCE = DescribedPredicate.describe(
            "EntityManager or PanacheQuery", call -> call.getTargetOwner().isAssignableTo(EntityManager.class)
                    || call.getTargetOwner().isAssignableTo(PanacheQuery.class));

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("dk.kdnet.economy.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theFinancingRulesArePlainJava() {
        noClasses().that().resideInAPackage("dk.kdnet.economy.financing..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..",
                        "dk.kdnet.problems..")
                .because("the financing rules are plain Java; the REST edge maps their outcomes to problems")
                .check(CLASSES);
    }

    @Test
    void resourcesRunNoQueries() {
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().callMethodWhere(ENTITY_QUERY).orShould().callMethodWhere(PERSISTENCE)
                .because("a resource maps HTTP to a service; the services run the queries")
                .check(CLASSES);
    }
}
