package io.qapi.compiler.gen;

import com.palantir.javapoet.MethodSpec;
import javax.lang.model.element.Modifier;

/**
 * {@code toJson()} as every generated object type has it: a new object, the members written
 * by {@code writeMembers}, then the members kept from a lenient read.
 */
public final class JsonMethods {
    private JsonMethods() {
    }

    /**
     * @param override   whether it implements the interface's method (union branches)
     * @param documented whether it gets its one-line Javadoc (records)
     */
    public static MethodSpec toJson(boolean override, boolean documented) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("toJson");
        if (override) {
            m.addAnnotation(Override.class);
        }
        m.addModifiers(Modifier.PUBLIC);
        if (documented) {
            m.addJavadoc("This value as JSON, members in schema order.\n");
        }
        return m.returns(JavaType.OBJECT_NODE)
                .addStatement("$T json = $T.object()", JavaType.OBJECT_NODE, JavaType.JSON)
                .addStatement("writeMembers(json)")
                .addStatement("return $T.withKept(json, additionalMembers)", JavaType.JSON)
                .build();
    }
}
