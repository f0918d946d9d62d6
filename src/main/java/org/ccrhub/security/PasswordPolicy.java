package org.ccrhub.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Password rules as the NCSC advises: long enough (12 characters or more), not a commonly used
 * password, and no composition rules (no forced mix of digits and symbols), so that people can use
 * three random words.
 *
 * <p>The deny-list is the list of the 100,000 most common passwords shipped with the nbvcxz
 * library. A password that is a common password with only digits or symbols added before or after
 * it ({@code password1234!}) is refused too, as are runs of one character and keyboard sequences.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 256;
  private static final String DENY_LIST = "/dictionaries/passwords.txt";
  private static final List<String> SEQUENCES =
      List.of(
          "abcdefghijklmnopqrstuvwxyz",
          "01234567890",
          "qwertyuiopasdfghjklzxcvbnm",
          "zyxwvutsrqponmlkjihgfedcba",
          "09876543210");

  private final Set<String> common;

  private PasswordPolicy(Set<String> common) {
    this.common = common;
  }

  /** The policy with the shipped deny-list of common passwords. */
  public static PasswordPolicy withCommonPasswords() {
    return new PasswordPolicy(loadDenyList());
  }

  /** The problems with this password, in words for the person choosing it; empty if none. */
  public List<String> problems(String password, String email) {
    List<String> problems = new ArrayList<>();
    if (password == null || password.isEmpty()) {
      problems.add("Enter a password");
      return problems;
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      problems.add("Password must be " + MIN_LENGTH + " characters or more");
    } else if (length > MAX_LENGTH) {
      problems.add("Password must be " + MAX_LENGTH + " characters or fewer");
    } else if (isCommon(password)) {
      problems.add("Password is too common and easy to guess: try three random words instead");
    } else if (email != null && password.trim().equalsIgnoreCase(email.trim())) {
      problems.add("Password must not be your email address");
    }
    return problems;
  }

  boolean isCommon(String password) {
    String lower = password.toLowerCase(Locale.ROOT).strip();
    if (common.contains(lower)) {
      return true;
    }
    String core = lower.replaceAll("^[^\\p{L}]+", "").replaceAll("[^\\p{L}]+$", "");
    if (!core.isEmpty() && !core.equals(lower) && common.contains(core)) {
      return true;
    }
    if (lower.chars().distinct().count() <= 2) {
      return true;
    }
    return SEQUENCES.stream().anyMatch(s -> isInCycle(s, lower));
  }

  private static boolean isInCycle(String sequence, String candidate) {
    String doubled = sequence + sequence;
    return candidate.length() <= sequence.length() && doubled.contains(candidate);
  }

  private static Set<String> loadDenyList() {
    Set<String> words = new HashSet<>(120_000);
    try (InputStream in = PasswordPolicy.class.getResourceAsStream(DENY_LIST)) {
      if (in == null) {
        throw new IllegalStateException("Common-password list " + DENY_LIST + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          words.add(line.strip().toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
