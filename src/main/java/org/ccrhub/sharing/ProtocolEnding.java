package org.ccrhub.sharing;

/** How a protocol's time in force ended: it ran out, or the partners withdrew it. */
public enum ProtocolEnding {
  EXPIRED,
  WITHDRAWN
}
