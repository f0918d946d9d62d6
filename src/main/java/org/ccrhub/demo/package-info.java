/**
 * The demo partnership loaded by {@code serve --demo}: fictional data, and one user per role whose
 * passwords are made afresh at each demo start and printed once.
 */
@NullMarked
package org.ccrhub.demo;

import org.jspecify.annotations.NullMarked;
