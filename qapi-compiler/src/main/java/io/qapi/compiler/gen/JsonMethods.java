package io.qapi.compiler.gen;

import com.palantir.javapoet.MethodSpec;
import javax.lang.model.element.Modifier;

/**
 * {@code toJson()} as every generated object type has it: a new object, the members written
 * by {@code writeMembers}, then the members kept from a lenient read.
 */
public final class JsonMethods {
    private JsonMethods() {}

    /**
     * The {@code toJson()} method of a generated type.
     *
     * @param modifier   {@code PUBLIC} in a record, {@code DEFAULT} in a union's interface, where
     *                   every branch record shares it
     * @param documented whether it gets its one-line Javadoc
     */
    public static MethodSpec toJson(Modifier modifier, boolean documented) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("toJson").addModifiers(Modifier.PUBLIC);
        if (modifier != Modifier.PUBLIC) {
            m.addModifiers(modifier);
        }
        if (documented) {
            m.addJavadoc("This value as JSON, members in schema order.\n");
        }
        return m.returns(JavaType.OBJECT_NODE)
                .addStatement("$T json = $T.object()", JavaType.OBJECT_NODE, JavaType.JSON)
                .addStatement("writeMembers(json)")
                // A record reads its field; the interface has only the accessor.
                .addStatement(
                        "return $T.withKept(json, additionalMembers$L)",
                        JavaType.JSON,
                        modifier == Modifier.DEFAULT ? "()" : "")
                .build();
    }
}
