/** The administration pages for a partnership's agencies, groups and people. */
@NullMarked
package org.ccrhub.partnership.web;

import org.jspecify.annotations.NullMarked;
