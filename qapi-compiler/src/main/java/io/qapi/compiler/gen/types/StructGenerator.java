package io.qapi.compiler.gen.types;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.qapi.compiler.gen.Annotations;
import io.qapi.compiler.gen.GenContext;
import io.qapi.compiler.gen.Javadoc;
import io.qapi.compiler.gen.NameScope;
import io.qapi.compiler.model.Feature;
import io.qapi.compiler.model.Member;
import io.qapi.compiler.model.Types.ObjectType;
import io.qapi.compiler.source.SourceInfo;
import io.qapi.compiler.vocabulary.DocComment;
import io.qapi.compiler.vocabulary.IfCond;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * A struct becomes a record with its members, base members first. A struct that other types
 * extend also gets an interface, {@code NameFields}, with an accessor per member, which every
 * type extending it implements; so code can treat a {@code BlockdevOptionsFile} as the
 * {@code BlockdevOptionsBase} it extends.
 */
public final class StructGenerator {
    private final GenContext ctx;
    private final RecordShape shape;

    public StructGenerator(GenContext ctx) {
        this.ctx = ctx;
        this.shape = new RecordShape(ctx);
    }

    /** The interface of a struct used as a base. */
    public static ClassName fieldsInterface(ClassName struct) {
        return struct.peerClass(struct.simpleName() + "Fields");
    }

    public TypeSpec.Builder struct(ObjectType type) {
        ClassName name = ctx.classFor(type.name());
        List<TypeName> interfaces = new ArrayList<>();
        if (ctx.isBase(type.name())) {
            interfaces.add(fieldsInterface(name));
        } else if (type.base() != null) {
            interfaces.add(fieldsInterface(ctx.classFor(type.base())));
        }
        return record(
                name,
                type.members(),
                type.doc(),
                this::docOf,
                type.ifcond(),
                type.features(),
                type.info(),
                "struct '" + type.name() + "'",
                interfaces);
    }

    /** The doc comment that describes a member: the one of the type that declares it. */
    DocComment docOf(Member m) {
        return ctx.lookup(m.definedIn()).map(d -> d.doc()).orElse(null);
    }

    /** A record over the given members: structs, command arguments and events are all this. */
    public TypeSpec.Builder record(
            ClassName name,
            List<Member> members,
            DocComment doc,
            Function<Member, DocComment> docOf,
            IfCond cond,
            List<Feature> features,
            SourceInfo info,
            String what,
            List<TypeName> interfaces) {
        NameScope scope = shape.scope();
        List<RecordShape.Component> components = shape.components(members, scope, info);
        List<ParameterSpec> parameters = shape.parameters(components);
        TypeSpec.Builder b = TypeSpec.recordBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(Javadoc.forDefinition(doc, cond))
                .addJavadoc("\n")
                .addJavadoc(RecordShape.params(components, docOf))
                .addAnnotations(Annotations.of(ctx, features, cond))
                .addSuperinterfaces(interfaces)
                .recordConstructor(shape.compactConstructor(components, parameters, what))
                .addMethod(shape.shortConstructor(components, parameters));
        shape.addJson(b, name, components);
        if (!components.isEmpty()) {
            b.addMethod(BuilderShape.builderMethod(name)).addType(BuilderShape.builderClass(name, components, what));
        }
        return b;
    }

    /** {@code NameFields}: an accessor per member, extending the base's interface. */
    public TypeSpec.Builder fields(ObjectType type) {
        ClassName name = fieldsInterface(ctx.classFor(type.name()));
        NameScope scope = shape.scope();
        List<RecordShape.Component> components = shape.components(type.members(), scope, type.info());
        TypeSpec.Builder b = TypeSpec.interfaceBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(
                        "The members of {@link $T}, implemented by it and by every type that extends it.\n",
                        ctx.classFor(type.name()));
        if (type.base() != null) {
            b.addSuperinterface(fieldsInterface(ctx.classFor(type.base())));
        }
        for (RecordShape.Component c : components) {
            if (!c.member().definedIn().equals(type.name())) {
                continue;
            }
            MethodSpec.Builder m = MethodSpec.methodBuilder(c.javaName())
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .returns(c.componentType());
            for (AnnotationSpec a :
                    Annotations.of(ctx, c.member().features(), c.member().ifcond())) {
                m.addAnnotation(a);
            }
            String doc = Javadoc.member(type.doc(), c.member().name());
            if (doc != null) {
                m.addJavadoc(CodeBlock.of("$L\n", doc));
            }
            b.addMethod(m.build());
        }
        return b;
    }
}
