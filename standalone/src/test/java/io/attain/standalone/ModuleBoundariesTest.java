package io.attain.standalone;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module boundaries of the architecture, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "io.attain", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule commandSideNeverUsesQuerySide = noClasses()
            .that().resideInAPackage("io.attain.command..")
            .should().dependOnClassesThat().resideInAPackage("io.attain.query..")
            .because("the two sides meet only at the event store");

    @ArchTest
    static final ArchRule querySideNeverUsesCommandSide = noClasses()
            .that().resideInAPackage("io.attain.query..")
            .should().dependOnClassesThat().resideInAPackage("io.attain.command..")
            .because("the two sides meet only at the event store");

    @ArchTest
    static final ArchRule sharedKernelIsPlainJava = classes()
            .that().resideInAPackage("io.attain.kernel..")
            .should().onlyDependOnClassesThat(
                    com.tngtech.archunit.base.DescribedPredicate.describe(
                            "java, Jackson annotations, the kernel itself, or Axon's two marker annotations",
                            c -> c.getPackageName().startsWith("java.")
                                    || c.getPackageName().equals("com.fasterxml.jackson.annotation")
                                    || c.getPackageName().startsWith("io.attain.kernel")
                                    || c.getName().equals("org.axonframework.serialization.Revision")
                                    || c.getName().equals("org.axonframework.modelling.command.TargetAggregateIdentifier")
                                    || c.isPrimitive() || c.isArray()))
            .because("the shared kernel is the published language: no Spring, Mongo or Axon infrastructure");

    @ArchTest
    static final ArchRule eventStoreKnowsNoSide = noClasses()
            .that().resideInAPackage("io.attain.eventstore..")
            .should().dependOnClassesThat().resideInAnyPackage("io.attain.command..", "io.attain.query..",
                                                               "io.attain.kernel..")
            .because("the event store is infrastructure below both sides");

    /** The read models of the query side, one package each (projection, queries, controller). */
    static final Set<String> READ_MODELS = Set.of("leaderboard", "funnel", "attainment", "scorecard", "timeline",
            "statement", "channel", "contest", "recognition", "deallist", "directory", "activity", "kpi");

    @ArchTest
    static final ArchRule readModelsDoNotUseEachOther = slices()
            .assignedFrom(new SliceAssignment() {
                @Override
                public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                    String prefix = "io.attain.query.";
                    String name = javaClass.getPackageName();
                    if (!name.startsWith(prefix)) {
                        return SliceIdentifier.ignore();
                    }
                    String top = name.substring(prefix.length()).split("\\.")[0];
                    return READ_MODELS.contains(top) ? SliceIdentifier.of(top) : SliceIdentifier.ignore();
                }

                @Override
                public String getDescription() {
                    return "the query side's read-model packages";
                }
            })
            .should().notDependOnEachOther()
            .because("a read model shares only the organisation, credit, target, api, projection and web packages");
}
