package org.ccrhub.security;

import java.util.Optional;

/**
 * The result of adding a person to a partnership: the account, whether it was new, and the one-time
 * password to pass on when none was chosen (it must be changed at first sign-in).
 */
public record NewAccount(
    long accountId, String email, boolean created, Optional<String> oneTimePassword) {}
