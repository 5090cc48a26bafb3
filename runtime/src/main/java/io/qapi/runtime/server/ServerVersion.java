package io.qapi.runtime.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.protocol.Greeting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version a server carries when its application names none: the version of this library,
 * as the build wrote it into the runtime's {@code version.properties}. It is shaped as
 * {@code query-version} returns it: {@code {"qemu": {"major", "minor", "micro"}, "package":
 * "qapi-java 0.1.0-SNAPSHOT"}}, the numbers read from the release's leading digits.
 */
public final class ServerVersion {
    private static final String RESOURCE = "version.properties";
    private static final Pattern NUMBERS = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?.*");
    private static final String RELEASE = read();

    private ServerVersion() {}

    /** This library's release, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String release() {
        return RELEASE;
    }

    /** This library's version as {@code query-version} returns it; a fresh object each time. */
    public static ObjectNode library() {
        return of(RELEASE, "qapi-java " + RELEASE);
    }

    /** {@code release}'s leading numbers as major, minor and micro, with {@code pkg} as the package. */
    static ObjectNode of(String release, String pkg) {
        Matcher m = NUMBERS.matcher(release);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a release number: " + release);
        }
        return Greeting.version(number(m.group(1)), number(m.group(2)), number(m.group(3)), pkg);
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private static String read() {
        try (InputStream in = ServerVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the runtime was built without its " + RESOURCE);
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (version.isEmpty() || version.startsWith("${")) {
                throw new IllegalStateException("the runtime's " + RESOURCE + " was not filtered by the build");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
