package io.qapi.runtime.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks what the schema defines only under a condition on the build configuration, such as
 * {@code CONFIG_SPICE} or {@code {'all': ['TARGET_I386', 'CONFIG_KVM']}}: a given QEMU binary
 * may not have it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface Conditional {
    /** The condition as written in the schema. */
    String value();
}
