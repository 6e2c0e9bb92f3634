/**
 * JPA entities of the iterativeflow schema, mapped read-only ({@code @Immutable}): the store reads through them and
 * writes with explicit SQL. Internal: no compatibility guaranteed.
 */
package io.iterativeflow.jpa.internal.entity;
