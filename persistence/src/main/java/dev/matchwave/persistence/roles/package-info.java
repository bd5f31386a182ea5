/** The rank roles the ladder gave, in PostgreSQL (migration V7). */
@NullMarked
package dev.matchwave.persistence.roles;

import org.jspecify.annotations.NullMarked;
