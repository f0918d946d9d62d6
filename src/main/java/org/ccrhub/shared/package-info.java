/** Small types every module uses: the exceptions that the web layer and commands translate. */
@NullMarked
package org.ccrhub.shared;

import org.jspecify.annotations.NullMarked;
