package io.gatehouse;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Modules only use each other's public API, without cycles; the emulator is used by nobody. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(GatehouseApplication.class);

	@Test
	void verifiesModularStructure() {
		modules.verify();
	}

	@Test
	void nothingOutsideTheEmulatorUsesIt() {
		ArchRuleDefinition.noClasses()
			.that()
			.resideOutsideOfPackage("io.gatehouse.emulator..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.gatehouse.emulator..")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("io.gatehouse"));
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
	}

}
