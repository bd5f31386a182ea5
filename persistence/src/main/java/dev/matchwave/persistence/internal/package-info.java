/**
 * Implementation details shared by the persistence packages; not an API. The jOOQ classes
 * generated from the migrations live in {@code dev.matchwave.persistence.internal.schema}.
 */
@NullMarked
package dev.matchwave.persistence.internal;

import org.jspecify.annotations.NullMarked;
