/** The information-sharing pages: requests, decisions and the decision log. */
@NullMarked
package org.ccrhub.sharing.web;

import org.jspecify.annotations.NullMarked;
