package io.qapi.compiler.model;

import io.qapi.compiler.vocabulary.IfCond;

/**
 * A branch of a union (selected by the discriminator's value) or of an alternate (selected by
 * JSON type).
 */
public record Variant(String name, String type, IfCond ifcond) {}
