package io.headroom.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The core's package rules: no package cycle (every package is its own slice, the API root included),
 * and the exported packages ({@code io.headroom} and {@code io.headroom.host..})
 * name no internal type, so nothing a host compiles against can leak the engine's internals.
 */
class CorePackagesTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.headroom");

    /** One slice per package: {@code io.headroom.(**)} would leave the root package out of the check. */
    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return SliceIdentifier.of(javaClass.getPackageName());
        }

        @Override
        public String getDescription() {
            return "each package of the core";
        }
    };

    @Test
    void noPackageCycle() {
        slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(CORE);
    }

    @Test
    void exportedPackagesNameNoInternalType() {
        noClasses().that().resideInAnyPackage("io.headroom", "io.headroom.host..")
                .should().dependOnClassesThat().resideInAPackage("io.headroom.internal..")
                .check(CORE);
    }

    @Test
    void theImportFoundTheCore() {
        // a rule over an empty import passes vacuously; make sure the classes were read
        if (CORE.size() < 150 || !CORE.contain("io.headroom.internal.engine.HeadroomEngine")) {
            throw new AssertionError("imported only " + CORE.size() + " classes of the core");
        }
    }
}
