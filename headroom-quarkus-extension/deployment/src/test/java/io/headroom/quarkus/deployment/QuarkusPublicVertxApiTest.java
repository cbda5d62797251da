package io.headroom.quarkus.deployment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The extension's request path (runtime, deployment and the Vert.x handler it builds on) uses the Vert.x public
 * API only: no {@code io.vertx..impl} or {@code ..internal} package, no {@code *Internal} type.
 */
class QuarkusPublicVertxApiTest {

    @Test
    void extensionUsesOnlyPublicVertxApi() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.headroom.quarkus", "io.headroom.vertx");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.vertx..impl..", "io.vertx..internal..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Internal")
                .check(classes);
    }
}
