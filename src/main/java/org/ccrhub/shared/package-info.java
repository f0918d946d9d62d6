/**
 * Small types every module uses: the exceptions that the web layer and commands translate, and the
 * {@link org.ccrhub.shared.Gate} that lets only a few pieces of heavy work run at once.
 */
@NullMarked
package org.ccrhub.shared;

import org.jspecify.annotations.NullMarked;
