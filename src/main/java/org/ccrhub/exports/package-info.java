/**
 * Files leaving CCR Hub: every download from a page and every file an admin command writes goes
 * through {@link org.ccrhub.exports.Exports}, which records it in the audit trail.
 */
@NullMarked
package org.ccrhub.exports;

import org.jspecify.annotations.NullMarked;
