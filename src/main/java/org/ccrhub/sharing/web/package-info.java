/** The information-sharing pages: the protocol register, and how its keepers change it. */
@NullMarked
package org.ccrhub.sharing.web;

import org.jspecify.annotations.NullMarked;
