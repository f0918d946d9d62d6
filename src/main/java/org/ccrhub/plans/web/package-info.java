/** The delivery plan pages: plans, actions, progress updates, periods, import and publishing. */
@NullMarked
package org.ccrhub.plans.web;

import org.jspecify.annotations.NullMarked;
