/**
 * The MARAC's pages: the MARACs of a partnership with counts for everyone and settings for
 * administrators, the people holding its roles, the referral form, the case list and the case page
 * with its printout. Case data is reached only through {@link org.ccrhub.marac.MaracAccess}.
 */
@NullMarked
package org.ccrhub.marac.web;

import org.jspecify.annotations.NullMarked;
