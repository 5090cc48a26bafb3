package io.qapi.runtime.internal;

import java.util.ResourceBundle;

/**
 * A {@link System.Logger} found on first use. The first {@link System#getLogger} of a JVM starts
 * the logging back end (it reads its configuration and looks for providers), which costs a
 * server that logs nothing on a clean start a noticeable part of its start-up; a class's logger
 * held in a static field would pay that when the class is loaded.
 */
public final class LazyLogger implements System.Logger {
    private final String name;
    private volatile System.Logger logger;

    private LazyLogger(String name) {
        this.name = name;
    }

    /** The logger named after {@code owner}, found when it first logs. */
    public static System.Logger of(Class<?> owner) {
        return new LazyLogger(owner.getName());
    }

    private System.Logger logger() {
        System.Logger found = logger;
        if (found == null) {
            found = System.getLogger(name);
            logger = found;
        }
        return found;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        return logger().isLoggable(level);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        logger().log(level, bundle, message, thrown);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        logger().log(level, bundle, format, params);
    }
}
