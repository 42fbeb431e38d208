package dev.nightshift.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of docs/architecture.md, checked on the compiled classes. */
class ArchitectureTest {

  private static final String[] DOMAIN = {
    "dev.nightshift.transactions..",
    "dev.nightshift.inbox..",
    "dev.nightshift.exports..",
    "dev.nightshift.calendar..",
    "dev.nightshift.webhooks.."
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.nightshift");
  }

  @Test
  void noDomainModuleImportsAnother() {
    slices()
        .matching("dev.nightshift.(transactions|inbox|exports|calendar|webhooks)..")
        .should()
        .notDependOnEachOther()
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void theEngineImportsNoDomainModule() {
    noClasses()
        .that()
        .resideInAPackage("dev.nightshift.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(DOMAIN, "dev.nightshift.app.."))
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void onlyTheEngineUsesItsRuntime() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.nightshift.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.nightshift.engine.runtime..")
        .check(classes);
  }

  @Test
  void thePlatformImportsNeitherDomainModulesNorTheEngine() {
    noClasses()
        .that()
        .resideInAPackage("dev.nightshift.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(DOMAIN, "dev.nightshift.engine..", "dev.nightshift.app.."))
        .check(classes);
  }

  @Test
  void noModuleImportsTheApp() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.nightshift.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.nightshift.app..")
        .check(classes);
  }

  @Test
  void contractsAreRecordsAndInterfacesOnTheJdkAlone() {
    classes()
        .that()
        .resideInAPackage("dev.nightshift.contracts..")
        .and()
        .doNotHaveSimpleName("package-info")
        .should()
        .beRecords()
        .orShould()
        .beInterfaces()
        .allowEmptyShould(true)
        .check(classes);
    classes()
        .that()
        .resideInAPackage("dev.nightshift.contracts..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.nightshift.contracts..")
        .allowEmptyShould(true)
        .check(classes);
  }

  private static String[] concat(String[] first, String... more) {
    var all = new String[first.length + more.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
