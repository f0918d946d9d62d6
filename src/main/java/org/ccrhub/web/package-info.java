/** The parts of the web interface every module shares: assets, layout data, errors, home. */
@NullMarked
package org.ccrhub.web;

import org.jspecify.annotations.NullMarked;
