package io.headroom.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rule every host artifact (servlet, JAX-RS, Vert.x, LangChain4j, Quarkus, the gateway) checks in its own
 * build: it compiles against the core's exported packages only ({@code io.headroom}, {@code io.headroom.host..}),
 * never {@code io.headroom.internal..}, and against no framework internals ({@code ..impl..}, {@code ..internal..}
 * of Vert.x, Jersey, Quarkus) that a framework upgrade may change without notice. One class is exempt, by name:
 * {@code io.headroom.vertx.ReadMark}, which marks a body as read the way Vert.x's {@code BodyHandler} does (no
 * public API can), checks at start-up that the internal interface is there, and falls back to {@code BodyHandler}
 * where it is not.
 */
public final class HostRules {
    /** The one host class allowed a framework internal; see the class comment. */
    private static final String GUARDED_INTERNAL_USE = "io.headroom.vertx.ReadMark";

    private HostRules() {
    }

    /**
     * Fails when a class of {@code hostPackages} (their production classes, not tests) depends on a core internal
     * or on a framework internal.
     */
    public static void assertUsesOnlyPublicApi(String... hostPackages) {
        JavaClasses host = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(hostPackages);
        if (host.isEmpty()) {
            throw new AssertionError("no production class found in " + String.join(", ", hostPackages));
        }
        noClasses().should().dependOnClassesThat().resideInAPackage("io.headroom.internal..")
                .because("hosts use the core's API and io.headroom.host only")
                .check(host);
        noClasses().that().doNotHaveFullyQualifiedName(GUARDED_INTERNAL_USE)
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..impl..", "io.vertx..internal..",
                        "org.glassfish.jersey..internal..", "io.quarkus..runtime.graal..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Internal")
                .because("framework internals change without notice between versions")
                .check(host);
    }
}
