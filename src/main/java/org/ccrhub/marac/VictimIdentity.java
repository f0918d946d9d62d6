package org.ccrhub.marac;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ccrhub.shared.InvalidInputException;

/**
 * Who a referral is about, as far as repeat detection needs: the victim's name and other names
 * (former, married or known-as names, which count as much as the name), and their date of birth or
 * age.
 *
 * @param names the name first, then any other names; other names without a letter or digit are left
 *     out
 * @param birth the date of birth, or the age on the referral date
 */
public record VictimIdentity(List<PersonName> names, DateOfBirthOrAge birth) {

  public VictimIdentity {
    Objects.requireNonNull(birth, "birth");
    if (names.isEmpty() || names.get(0).isEmpty()) {
      throw new InvalidInputException("Enter the victim's name");
    }
    names = names.stream().filter(n -> !n.isEmpty()).toList();
  }

  public static VictimIdentity of(String name, DateOfBirthOrAge birth, String... otherNames) {
    return of(name, List.of(otherNames), birth);
  }

  public static VictimIdentity of(String name, List<String> otherNames, DateOfBirthOrAge birth) {
    List<PersonName> names = new ArrayList<>(otherNames.size() + 1);
    names.add(PersonName.of(name));
    otherNames.forEach(n -> names.add(PersonName.of(n)));
    return new VictimIdentity(names, birth);
  }

  /** The name as written. */
  public String name() {
    return names.get(0).written();
  }

  /** The other names as written. */
  public List<String> otherNames() {
    return names.subList(1, names.size()).stream().map(PersonName::written).toList();
  }

  /**
   * The keys of all the victim's names ({@link PersonName#key}). A search of stored referrals needs
   * those with one of these keys or the same date of birth, and all the other referrals of the
   * victims they belong to ({@link ReferralIndex}).
   */
  public Set<String> nameKeys() {
    Set<String> keys = new LinkedHashSet<>();
    names.forEach(n -> keys.add(n.key()));
    return keys;
  }
}
