package org.ccrhub;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port with real PostgreSQL ({@link TestDatabase}), MockMvc and
 * the {@link Fixtures}. Every integration test uses this one configuration, so they share one
 * running application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = CcrHubApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // the PDF warm-up would write to the console while AdminCommands captures it
    properties = {"ccr.documents.warm-up=false", "ccr.imports.warm-up=false"})
@ContextConfiguration(initializers = TestDatabase.class)
@AutoConfigureMockMvc
@Import({
  Fixtures.class,
  AdminCommands.class,
  DatabaseAdministrator.class,
  MockMvcSessions.class,
  org.ccrhub.security.TwoFactorSessions.class,
  org.ccrhub.web.BrokenPage.class,
  org.ccrhub.api.ApiTestEndpoints.class,
  org.ccrhub.api.ApiCallers.class
})
public @interface CcrHubTest {}
