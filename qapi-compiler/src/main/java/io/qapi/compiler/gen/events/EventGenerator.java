package io.qapi.compiler.gen.events;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.qapi.compiler.gen.Annotations;
import io.qapi.compiler.gen.GenContext;
import io.qapi.compiler.gen.JavaNames;
import io.qapi.compiler.gen.JavaType;
import io.qapi.compiler.gen.NameScope;
import io.qapi.compiler.gen.RuntimeNames;
import io.qapi.compiler.gen.types.StructGenerator;
import io.qapi.compiler.model.Feature;
import io.qapi.compiler.model.Member;
import io.qapi.compiler.model.Types.Event;
import io.qapi.compiler.model.Types.ObjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Events: a record per event with its data's members ({@code ShutdownEvent}), {@code Events}
 * with a typed constant per event for client subscriptions, and {@code EventEmitter}, with a
 * method per event for servers.
 */
public final class EventGenerator {
    private static final ClassName EVENT_TYPE = RuntimeNames.EVENT_TYPE;
    private static final ClassName EVENT_SINK = RuntimeNames.EVENT_SINK;

    private final GenContext ctx;
    private final StructGenerator structs;

    public EventGenerator(GenContext ctx) {
        this.ctx = ctx;
        this.structs = new StructGenerator(ctx);
    }

    /** The members an event's data has: none, an implicit or named struct's. */
    private List<Member> members(Event e) {
        if (e.argType() == null) {
            return List.of();
        }
        ObjectType arg = ctx.object(e.argType());
        return arg.members();
    }

    public TypeSpec.Builder record(Event e) {
        ClassName name = ctx.classFor(e.name());
        if (e.argType() != null && ctx.object(e.argType()).isUnion()) {
            return unionRecord(e, name, ctx.classFor(e.argType()));
        }
        return structs.record(
                name,
                members(e),
                e.doc(),
                m -> e.doc() != null && GenContext.isImplicitArguments(e.argType())
                        ? e.doc()
                        : ctx.lookup(m.definedIn()).map(d -> d.doc()).orElse(null),
                e.ifcond(),
                e.features(),
                e.info(),
                "event '" + e.name() + "'",
                List.of());
    }

    /** An event whose (boxed) data is a union: the record holds the union's value. */
    private TypeSpec.Builder unionRecord(Event e, ClassName name, ClassName union) {
        ClassName records = RuntimeNames.RECORDS;
        MethodSpec compact = MethodSpec.compactConstructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addParameter(union, "data")
                .addParameter(JavaType.MEMBERS, "additionalMembers")
                .addStatement("$T.requireNonNull(data, $S)", Objects.class, "the event's data is missing")
                .addStatement("additionalMembers = $T.kept(additionalMembers)", records)
                .build();
        return TypeSpec.recordBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(io.qapi.compiler.gen.Javadoc.forDefinition(e.doc(), e.ifcond()))
                .addJavadoc("\n@param data the event's data\n@param additionalMembers members this code does not "
                        + "know, kept from a lenient read\n")
                .addAnnotations(Annotations.of(ctx, e.features(), e.ifcond()))
                .recordConstructor(compact)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(union, "data")
                        .addStatement("this(data, $T.of())", JavaType.MAP)
                        .build())
                .addField(FieldSpec.builder(
                                ParameterizedTypeName.get(JavaType.DECODER, name),
                                "DECODER",
                                Modifier.PUBLIC,
                                Modifier.STATIC,
                                Modifier.FINAL)
                        .initializer("(in, json, path) ->$Wread(in.object(json, path), true)")
                        .build())
                .addMethod(MethodSpec.methodBuilder("read")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(name)
                        .addParameter(JavaType.OBJECT_READER, "r")
                        .addParameter(boolean.class, "whole")
                        .addStatement(
                                "return new $T($T.read(r, false), whole ? r.finish() : $T.of())",
                                name,
                                union,
                                JavaType.MAP)
                        .build())
                .addMethod(io.qapi.compiler.gen.JsonMethods.toJson(Modifier.PUBLIC, false))
                .addMethod(MethodSpec.methodBuilder("writeMembers")
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(JavaType.OBJECT_NODE, "json")
                        .addStatement("data.writeMembers(json)")
                        .build());
    }

    public TypeSpec.Builder registry(List<Event> events) {
        ClassName name = ClassName.get(ctx.options().basePackage(), "Events");
        TypeName anyType = ParameterizedTypeName.get(EVENT_TYPE, WildcardTypeName.subtypeOf(Object.class));
        TypeSpec.Builder b = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Every event of the schema, by name, with the record its data decodes into.\n")
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());
        NameScope constants = new NameScope(ctx.diagnostics(), "constant").reserve("ALL", "the list of all events");
        List<CodeBlock> all = new ArrayList<>();
        for (Event e : events) {
            String constant = constants.claim(JavaNames.constant(e.name()), "event '" + e.name() + "'", e.info());
            ClassName record = ctx.classFor(e.name());
            CodeBlock features = CodeBlock.join(
                    ctx.presentFeatures(e.features()).stream()
                            .map(Feature::name)
                            .map(f -> CodeBlock.of("$S", f))
                            .toList(),
                    ", ");
            b.addField(FieldSpec.builder(
                            ParameterizedTypeName.get(EVENT_TYPE, record),
                            constant,
                            Modifier.PUBLIC,
                            Modifier.STATIC,
                            Modifier.FINAL)
                    .addJavadoc("{@code $L}: see {@link $T}.\n", e.name(), record)
                    .addAnnotations(Annotations.of(ctx, e.features(), e.ifcond()))
                    .initializer(
                            "new $T<>($S,$W$T.class,$W$T.DECODER,$W$T.of($L))",
                            EVENT_TYPE,
                            e.name(),
                            record,
                            record,
                            List.class,
                            features)
                    .build());
            all.add(CodeBlock.of("$N", constant));
        }
        b.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(JavaType.LIST, anyType),
                        "ALL",
                        Modifier.PUBLIC,
                        Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("Every event, in schema order.\n")
                .initializer("$T.of($L)", List.class, CodeBlock.join(all, ", "))
                .build());
        b.addMethod(MethodSpec.methodBuilder("byName")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("The event of that wire name.\n")
                .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), anyType))
                .addParameter(String.class, "name")
                .addStatement("return ALL.stream().filter(e -> e.name().equals(name)).findFirst()")
                .build());
        return b;
    }

    public TypeSpec.Builder emitter(List<Event> events) {
        ClassName name = ClassName.get(ctx.options().basePackage(), "EventEmitter");
        TypeSpec.Builder b = TypeSpec.interfaceBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(FunctionalInterface.class)
                .addSuperinterface(EVENT_SINK)
                .addJavadoc("Emits the schema's events through any {@link $T}, such as a QMP server.\n", EVENT_SINK)
                .addMethod(MethodSpec.methodBuilder("over")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(name)
                        .addParameter(EVENT_SINK, "sink")
                        .addStatement("return sink::emit")
                        .build());
        NameScope methods = new NameScope(ctx.diagnostics(), "method")
                .reserve("emit", "EventSink")
                .reserve("over", "");
        for (Event e : events) {
            String method = methods.claim(
                    JavaNames.camel(JavaNames.pascalFromUpper(e.name())), "event '" + e.name() + "'", e.info());
            ClassName record = ctx.classFor(e.name());
            MethodSpec.Builder m = MethodSpec.methodBuilder(method)
                    .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                    .addJavadoc("Emits {@code $L}.\n", e.name())
                    .addAnnotations(Annotations.of(ctx, e.features(), e.ifcond()));
            if (ctx.presentMembers(members(e)).isEmpty()) {
                m.addStatement("emit($S, null)", e.name());
            } else {
                m.addParameter(record, "event").addStatement("emit($S, event.toJson())", e.name());
            }
            b.addMethod(m.build());
        }
        return b;
    }
}
