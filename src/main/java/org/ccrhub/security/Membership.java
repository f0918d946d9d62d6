package org.ccrhub.security;

/** One role of an account in one partnership. */
record Membership(long partnershipId, String slug, String partnershipName, Role role) {}
