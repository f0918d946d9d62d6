package org.ccrhub.api;

/**
 * A token just made: the only time its secret exists outside the person's hands. Show it once; it
 * is never stored.
 */
public record NewApiToken(ApiToken token, String secret) {

  @Override
  public String toString() {
    return "NewApiToken[" + token.shownAs() + "]";
  }
}
