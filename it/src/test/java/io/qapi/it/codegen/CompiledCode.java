package io.qapi.it.codegen;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import com.palantir.javapoet.JavaFile;
import io.qapi.runtime.api.Decoder;
import io.qapi.runtime.api.Input;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Generated code compiled in memory (with test sources that use it), loaded, and called: the
 * way tests run what the generator wrote. Classes are defined by a loader whose parent is the
 * test's, so that the runtime types ({@code Input}, {@code QmpError}, …) are the test's own.
 */
final class CompiledCode {
    private final ClassLoader loader;

    private CompiledCode(Map<String, byte[]> classes) {
        this.loader = new ClassLoader(CompiledCode.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }

    /** Compiles the generated files with the test sources (each a Java text with a public type). */
    static CompiledCode compile(List<JavaFile> generated, String... testSources) {
        List<JavaFileObject> sources = Javac.sources(generated);
        for (String s : testSources) {
            sources.add(Javac.source(s));
        }
        Compilation compilation = Javac.compile(sources, Javac.LINT);
        if (compilation.status() != Compilation.Status.SUCCESS) {
            fail("generated code with the test sources did not compile:\n" + Javac.problems(compilation));
        }
        return load(compilation);
    }

    static CompiledCode load(Compilation compilation) {
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = file.toUri().getPath();
            String binary = path.substring(
                            path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(), path.length() - ".class".length())
                    .replace('/', '.');
            try (InputStream in = file.openInputStream()) {
                classes.put(binary, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new CompiledCode(classes);
    }

    Class<?> type(String binaryName) {
        try {
            return Class.forName(binaryName, true, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no generated class " + binaryName, e);
        }
    }

    /** Calls a public static method; what it throws is thrown as it is. */
    Object call(String className, String method, Object... args) {
        for (Method m : type(className).getMethods()) {
            if (m.getName().equals(method)
                    && m.getParameterCount() == args.length
                    && Modifier.isStatic(m.getModifiers())) {
                return invoke(m, null, args);
            }
        }
        throw new AssertionError(
                "no static method " + className + "." + method + " with " + args.length + " parameters");
    }

    /** The {@code DECODER} of a generated type. */
    Decoder<?> decoder(String className) {
        try {
            return (Decoder<?>) type(className).getField("DECODER").get(null);
        } catch (ReflectiveOperationException e) {
            throw new LinkageError(className + " has no public DECODER", e);
        }
    }

    /** Decodes JSON text (single quotes allowed) into a generated type, at the top level. */
    Object decode(String className, Input input, String json) {
        return decoder(className).decode(input, JsonText.parse(json), "");
    }

    /** Re-encodes a generated value (or a list of them, or a JsonNode) with its own {@code toJson}. */
    static JsonNode toJson(Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof List<?> list) {
            var array = io.qapi.runtime.api.Json.array();
            list.forEach(v -> array.add(toJson(v)));
            return array;
        }
        if (value instanceof String s) {
            return io.qapi.runtime.api.Json.string(s);
        }
        if (value instanceof io.qapi.runtime.api.QapiEnum e) {
            return io.qapi.runtime.api.Json.enumValue(e);
        }
        if (value instanceof Boolean b) {
            return io.qapi.runtime.api.Json.bool(b);
        }
        if (value instanceof Long || value instanceof Integer) {
            return io.qapi.runtime.api.Json.integer(((Number) value).longValue());
        }
        try {
            return (JsonNode) invoke(value.getClass().getMethod("toJson"), value);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(value.getClass() + " has no toJson()", e);
        }
    }

    /** Calls a public instance method by name. */
    static Object invokeOn(Object target, String method, Object... args) {
        List<Method> candidates = new ArrayList<>();
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                candidates.add(m);
            }
        }
        if (candidates.size() != 1) {
            throw new AssertionError(candidates.size() + " methods " + method + " with " + args.length
                    + " parameters in " + target.getClass());
        }
        return invoke(candidates.get(0), target, args);
    }

    private static Object invoke(Method m, Object target, Object... args) {
        try {
            m.setAccessible(true);
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
