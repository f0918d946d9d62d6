package org.ccrhub.security;

/**
 * How a partnership's members are signing in, as its administrators' home page counts them: no
 * names, so reading it is not a read of anyone's account.
 *
 * @param waiting members whose sign-ins are being slowed down now after wrong passwords (no account
 *     is ever locked: a wait is the nearest thing)
 * @param failing members with failed sign-ins in the last 24 hours, waiting or not
 * @param neverSignedIn members who have never signed in
 */
public record SignInSummary(int waiting, int failing, int neverSignedIn) {}
