/** The API module's endpoints and its "API tokens" page (module-internal). */
@NullMarked
package org.ccrhub.api.web;

import org.jspecify.annotations.NullMarked;
