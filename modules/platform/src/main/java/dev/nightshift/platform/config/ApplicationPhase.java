package dev.nightshift.platform.config;

/**
 * Whether configuration is being read by the built application or by Quarkus while it builds the
 * application. Quarkus records runtime values it sees during the build as defaults, so a config
 * source that decides something from the environment must decide only in the former.
 */
public final class ApplicationPhase {

  private ApplicationPhase() {}

  /** True once the application is built: the main class that the build generates exists. */
  public static boolean isBuilt() {
    try {
      Class.forName(
          "io.quarkus.runner.GeneratedMain", false, Thread.currentThread().getContextClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** True inside a native executable, which ships no embedded binaries. */
  public static boolean isNativeImage() {
    return System.getProperty("org.graalvm.nativeimage.imagecode") != null;
  }
}
