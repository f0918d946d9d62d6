/**
 * The database: an embedded, durable PostgreSQL in the data directory unless an external server is
 * configured with {@code spring.datasource.url}.
 */
@NullMarked
package org.ccrhub.database;

import org.jspecify.annotations.NullMarked;
