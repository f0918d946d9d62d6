package org.ccrhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What CCR Hub keeps in the HTTP session is Java-serialised into {@code spring_session_attributes}
 * and read by every node (ADR 22), so during a rolling upgrade a session written by one version is
 * read by the next, and the other way round (ADR 26). Each type kept there is therefore a record
 * (read by component name, whatever its serialVersionUID) or a class that declares its
 * serialVersionUID, and keeps the fields it had: a field may be added, never removed, renamed or
 * given another type, until a release later.
 */
class SessionAttributeTypesTests {

  private static final Path SOURCES = Path.of("src/main/java/org/ccrhub");

  /**
   * Each type CCR Hub puts in the session, with its serialised fields as "name type" (a record's
   * components, a class's non-transient fields), as they were when the rule was written.
   */
  private static final Map<String, List<String>> KEPT_IN_THE_SESSION = kept();

  private static Map<String, List<String>> kept() {
    Map<String, List<String>> kept = new LinkedHashMap<>();
    // PendingUploads.keep: what an uploaded file is to be imported as
    kept.put(
        "org.ccrhub.plans.web.PendingImport",
        List.of(
            "partnershipId long",
            "planName java.lang.String",
            "year java.lang.String",
            "period java.lang.String",
            "strategy java.lang.String",
            "fileName java.lang.String"));
    kept.put(
        "org.ccrhub.indicators.web.IndicatorImportController$Pending",
        List.of("partnershipId long", "values boolean", "fileName java.lang.String"));
    kept.put(
        "org.ccrhub.sharing.web.SharingImportController$Pending",
        List.of("partnershipId long", "fileName java.lang.String"));
    // a progress form typed when the session had ended
    kept.put(
        "org.ccrhub.plans.web.KeptProgress",
        List.of(
            "slug java.lang.String",
            "planId long",
            "ref java.lang.String",
            "period java.lang.String",
            "rating java.lang.String",
            "comment java.lang.String",
            "seenUpdateId java.lang.String",
            "accountId long",
            "publicText java.lang.String"));
    // sign-in: the password step waiting for its code, and the notice of failed sign-ins
    kept.put(
        "org.ccrhub.security.SignInHandlers$PendingSignIn",
        List.of("accountId long", "passwordAt long", "passwordStamp java.lang.String"));
    kept.put(
        "org.ccrhub.security.SignInAlerts$Notice",
        List.of(
            "failedSignIns org.ccrhub.security.SignInAlerts$FailedSignIns",
            "unblockPath java.lang.String",
            "passwordKnown boolean"));
    kept.put(
        "org.ccrhub.security.SignInAlerts$FailedSignIns",
        List.of(
            "accountId long",
            "failures int",
            "addresses int",
            "refused int",
            "last java.time.Instant",
            "waiting boolean"));
    // why the person was signed out
    kept.put(
        "org.ccrhub.security.SignedOut$Notice",
        List.of("reason org.ccrhub.security.SignedOut$Reason", "kept boolean"));
    kept.put("org.ccrhub.security.SignedOut$Reason", List.of());
    // the principal of Spring Security's context (SPRING_SECURITY_CONTEXT)
    kept.put(
        "org.ccrhub.security.SignedInUser",
        List.of(
            "accountId long",
            "email java.lang.String",
            "displayName java.lang.String",
            "passwordHash java.lang.String",
            "mustChangePassword boolean",
            "oneTimePasswordExpired boolean"));
    return kept;
  }

  /**
   * Spring's own types in the session around ours: the security context with its authentication,
   * the saved request, the CSRF token. They declare their serialVersionUID; Spring Security keeps
   * it the same within a minor version, so a Spring Security minor upgrade is read at its release
   * notes (ADR 26).
   */
  private static final List<String> SPRING_TYPES =
      List.of(
          "org.springframework.security.core.context.SecurityContextImpl",
          "org.springframework.security.authentication.UsernamePasswordAuthenticationToken",
          "org.springframework.security.core.authority.SimpleGrantedAuthority",
          "org.springframework.security.web.authentication.WebAuthenticationDetails",
          "org.springframework.security.web.savedrequest.SimpleSavedRequest",
          "org.springframework.security.web.csrf.DefaultCsrfToken");

  /**
   * Where the code puts something in the session, by file: each {@code setAttribute} on a session
   * and each {@code PendingUploads.keep}. A new one fails here until its type is listed above.
   */
  private static final Map<String, Integer> WHERE_THE_SESSION_IS_WRITTEN =
      new TreeMap<>(
          Map.of(
              "plans/web/KeptProgress.java", 1,
              "tabular/PendingUploads.java", 1,
              "plans/web/ImportController.java", 1,
              "indicators/web/IndicatorImportController.java", 1,
              "sharing/web/SharingImportController.java", 1,
              "security/SignInHandlers.java", 3,
              "security/SignedOut.java", 2,
              "security/TwoFactorController.java", 2));

  private static final Pattern SESSION_WRITE =
      Pattern.compile("(?<receiver>\\w+)?\\s*\\.\\s*(?<call>setAttribute|keep)\\s*\\(");

  @Test
  void everyTypeKeptInTheSessionIsARecordOrDeclaresItsSerialVersionUid() throws Exception {
    for (String name : KEPT_IN_THE_SESSION.keySet()) {
      Class<?> type = Class.forName(name);
      assertThat(Serializable.class.isAssignableFrom(type)).as(name + " is Serializable").isTrue();
      assertThat(type.isRecord() || type.isEnum() || declaresSerialVersionUid(type))
          .as(name + " is a record, an enum or declares serialVersionUID")
          .isTrue();
    }
    for (String name : SPRING_TYPES) {
      assertThat(declaresSerialVersionUid(Class.forName(name)))
          .as(name + " declares serialVersionUID")
          .isTrue();
    }
  }

  @Test
  void theTypesKeptInTheSessionKeepTheirFields() throws Exception {
    for (var kept : KEPT_IN_THE_SESSION.entrySet()) {
      assertThat(serialisedFields(Class.forName(kept.getKey())))
          .as(
              kept.getKey()
                  + ": a field may be added (list it here), but not removed, renamed or retyped"
                  + " while the previous version may read the session (ADR 26)")
          .containsAll(kept.getValue());
    }
  }

  @Test
  void everyTypeTheirFieldsHoldIsPlainOrListedToo() throws Exception {
    List<String> unlisted = new ArrayList<>();
    for (String name : KEPT_IN_THE_SESSION.keySet()) {
      for (Type type : fieldTypes(Class.forName(name))) {
        if (!plain(type)) {
          unlisted.add(name + " holds " + type.getTypeName());
        }
      }
    }
    assertThat(unlisted).isEmpty();
  }

  @Test
  void theSessionIsWrittenOnlyWhereTheTypesAboveComeFrom() throws IOException {
    Map<String, Integer> found = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher write = SESSION_WRITE.matcher(Files.readString(file));
        while (write.find()) {
          String receiver = write.group("receiver");
          boolean session =
              write.group("call").equals("setAttribute")
                  // attributes of the request are not kept
                  ? !"request".equals(receiver)
                  : "uploads".equals(receiver);
          if (session) {
            found.merge(SOURCES.relativize(file).toString().replace('\\', '/'), 1, Integer::sum);
          }
        }
      }
    }
    assertThat(found)
        .as(
            "a new place that writes to the session: list the type it keeps in"
                + " KEPT_IN_THE_SESSION (a record, or a class with a serialVersionUID)")
        .isEqualTo(WHERE_THE_SESSION_IS_WRITTEN);
  }

  private static boolean declaresSerialVersionUid(Class<?> type) {
    try {
      Field field = type.getDeclaredField("serialVersionUID");
      return Modifier.isStatic(field.getModifiers())
          && Modifier.isFinal(field.getModifiers())
          && field.getType() == long.class;
    } catch (NoSuchFieldException e) {
      return false;
    }
  }

  private static List<String> serialisedFields(Class<?> type) {
    if (type.isRecord()) {
      return Stream.of(type.getRecordComponents())
          .map(c -> c.getName() + " " + c.getType().getName())
          .toList();
    }
    if (type.isEnum()) {
      return List.of();
    }
    return Stream.of(type.getDeclaredFields())
        .filter(
            f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()))
        .map(f -> f.getName() + " " + f.getType().getName())
        .toList();
  }

  private static List<Type> fieldTypes(Class<?> type) {
    if (type.isRecord()) {
      return Stream.of(type.getRecordComponents()).map(RecordComponent::getGenericType).toList();
    }
    if (type.isEnum()) {
      return List.of();
    }
    return Stream.of(type.getDeclaredFields())
        .filter(
            f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()))
        .map(Field::getGenericType)
        .toList();
  }

  /** Whose serialised form does not change with CCR Hub's code: the JDK's values, or listed. */
  private static boolean plain(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      return Stream.of(List.class, java.util.Set.class, Map.class)
              .anyMatch(c -> c.equals(parameterized.getRawType()))
          && Stream.of(parameterized.getActualTypeArguments())
              .allMatch(SessionAttributeTypesTests::plain);
    }
    if (!(type instanceof Class<?> c)) {
      return false;
    }
    return c.isPrimitive()
        || c.getName().startsWith("java.lang.")
        || c.getName().startsWith("java.time.")
        || c == java.math.BigDecimal.class
        || c == java.util.UUID.class
        || KEPT_IN_THE_SESSION.containsKey(c.getName());
  }
}
