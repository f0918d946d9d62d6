/**
 * Partnerships (one installation hosts many, each a tenant) and their agencies, groups and people.
 */
@NullMarked
package org.ccrhub.partnership;

import org.jspecify.annotations.NullMarked;
