package org.ccrhub.partnership;

import java.util.Optional;
import java.util.Set;

/**
 * A board or group of the partnership, e.g. the CSP board, the VAWG strategic group, the MARAC.
 *
 * <p>A group may report to one other group of the same partnership (its parent), which makes the
 * partnership's structure a tree: the CSP board at the top, theme groups under it, working groups
 * under those. A reporting line may never lead back to the group itself, or nobody would be at the
 * top of it.
 *
 * @param parentId the group this one reports to, if any
 * @param version counts the changes saved, so that a change made on an out-of-date page is refused
 */
public record Group(long id, String name, GroupType type, Optional<Long> parentId, int version) {

  static final int MAX_NAME = 200;

  /**
   * Checks that this group may report to {@code parent}.
   *
   * @param newName the name the group is being given (it shows in the message)
   * @param descendants the ids of every group that reports to this one, directly or through others
   */
  void checkCanReportTo(String newName, Group parent, Set<Long> descendants) {
    if (parent.id() == id) {
      throw new DetailsRejectedException("parent", "A group cannot report to itself");
    }
    if (descendants.contains(parent.id())) {
      throw new DetailsRejectedException(
          "parent",
          newName
              + " cannot report to "
              + parent.name()
              + ", because "
              + parent.name()
              + " already reports to "
              + newName
              + " (directly or through other groups)");
    }
  }

  static String checkName(String name) {
    String stripped = name == null ? "" : name.strip();
    if (stripped.isEmpty()) {
      throw new DetailsRejectedException("name", "Enter the group name");
    }
    if (stripped.length() > MAX_NAME) {
      throw new DetailsRejectedException(
          "name", "Group name must be " + MAX_NAME + " characters or fewer");
    }
    return stripped;
  }
}
