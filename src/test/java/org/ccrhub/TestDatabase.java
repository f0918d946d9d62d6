package org.ccrhub;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test application at real PostgreSQL: the embedded server in a fresh data directory under
 * {@code target/}, or, when the build runs with {@code -Dccr.test.database=external} (CI does), the
 * external server named by {@code CCR_TEST_DB_URL}, {@code CCR_TEST_DB_USER} and {@code
 * CCR_TEST_DB_PASSWORD} (the application's role), with {@code CCR_TEST_DB_OWNER_USER} and {@code
 * CCR_TEST_DB_OWNER_PASSWORD} (the schema owner, which runs migrations), through the same
 * configuration production uses.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** The keys an installation with an external database configures, the same on every node. */
  public static final String AUDIT_KEY = "Y2NyLWh1Yi10ZXN0LWF1ZGl0LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=";

  public static final String TWO_FACTOR_KEY = "Y2NyLWh1Yi10ZXN0LXR3by1mYWN0b3Ita2V5LTMyYnk=";

  public static boolean external() {
    return "external".equals(System.getProperty("ccr.test.database"));
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    Map<String, Object> properties = new java.util.HashMap<>();
    if (external()) {
      String url = System.getenv("CCR_TEST_DB_URL");
      if (url == null || url.isBlank()) {
        throw new IllegalStateException("ccr.test.database=external needs CCR_TEST_DB_URL");
      }
      properties.put("spring.datasource.url", url);
      properties.put("spring.datasource.username", env("CCR_TEST_DB_USER"));
      properties.put("spring.datasource.password", env("CCR_TEST_DB_PASSWORD"));
      properties.put("spring.flyway.user", env("CCR_TEST_DB_OWNER_USER"));
      properties.put("spring.flyway.password", env("CCR_TEST_DB_OWNER_PASSWORD"));
      // as production with an external server: the audit key is configured, not made per node
      properties.put("ccr.audit.key", AUDIT_KEY);
    } else {
      properties.put("spring.datasource.url", "");
    }
    properties.put(
        "ccr.data-dir",
        Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath().toString());
    // as an installation of several servers: the two-factor key is configured, so that another
    // node started by a test (TestNode) opens the secrets this one sealed
    properties.put("ccr.two-factor.key", TWO_FACTOR_KEY);
    // Many tests sign in from the same address; the per-address throttle has its own test.
    properties.put("ccr.sign-in.max-failures-per-address", "100000");
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("ccr-test-database", properties));
  }

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null ? "" : value;
  }
}
