/** The admin command line: how commands start the application and report bad input. */
@NullMarked
package org.ccrhub.cli;

import org.jspecify.annotations.NullMarked;
