package io.headroom.vertx;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The handler must load on Vert.x 4.5 and 5 alike: public Vert.x API only, never an impl or *Internal type. */
class VertxPublicApiArchitectureTest {

    @Test
    void usesOnlyPublicVertxApi() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.headroom.vertx");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.vertx..impl..", "io.vertx..internal..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Internal")
                .check(classes);
    }
}
