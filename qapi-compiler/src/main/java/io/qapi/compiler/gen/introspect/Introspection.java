package io.qapi.compiler.gen.introspect;

import io.qapi.compiler.model.Entity;
import io.qapi.compiler.model.EnumValue;
import io.qapi.compiler.model.Feature;
import io.qapi.compiler.model.Member;
import io.qapi.compiler.model.Schema;
import io.qapi.compiler.model.Types.AlternateType;
import io.qapi.compiler.model.Types.ArrayType;
import io.qapi.compiler.model.Types.BuiltinType;
import io.qapi.compiler.model.Types.Command;
import io.qapi.compiler.model.Types.EnumType;
import io.qapi.compiler.model.Types.Event;
import io.qapi.compiler.model.Types.ObjectType;
import io.qapi.compiler.model.Variant;
import io.qapi.compiler.vocabulary.IfCond;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * QEMU's introspection data: the list of {@code SchemaInfo} objects that the QMP command
 * {@code query-qmp-schema} returns (described in QEMU's {@code qapi/introspect.json}).
 *
 * <p>Every command and event is listed, followed by the types they reach in the order of first
 * use. Commands and events come module by module, as QEMU visits a schema: all of the main
 * file's before those of any file it includes, even ones defined after the include.
 *
 * <p>QEMU decides that order and the type numbers when it generates C, before the preprocessor
 * picks what a build has, so a build that lacks some conditional entity shows gaps in the
 * numbering, and a type used only by a missing command is still shown. {@link #generate}
 * therefore works with everything present and keeps the conditions; {@link #reply} settles
 * them for one build.
 */
public final class Introspection {
    private static final String EMPTY_OBJECT = "q_empty";

    private final UsedTypes types;
    private final List<Json> entries = new ArrayList<>();

    private Introspection(Schema schema, boolean unmask) {
        this.types = new UsedTypes(schema, unmask);
    }

    /**
     * Every entry with its conditions, as QEMU generates it.
     *
     * @param unmask show types by their names instead of by numbers
     */
    public static Json.Arr generate(Schema schema, boolean unmask) {
        Introspection introspection = new Introspection(schema, unmask);
        schema.entities().forEach(introspection::describeCommandOrEvent);
        for (int i = 0; i < introspection.types.count(); i++) {
            introspection.describeType(introspection.types.get(i));
        }
        return new Json.Arr(introspection.entries);
    }

    /** What {@code query-qmp-schema} returns in a QEMU built with exactly {@code defined} symbols. */
    public static Json.Arr reply(Schema schema, boolean unmask, Set<String> defined) {
        return (Json.Arr) generate(schema, unmask).select(ifcond -> ifcond.holds(defined));
    }

    /** The reply with every condition taken as true: the schema's whole interface. */
    public static Json.Arr replyWithEverything(Schema schema, boolean unmask) {
        return (Json.Arr) generate(schema, unmask).select(ifcond -> true);
    }

    private void describeCommandOrEvent(Entity entity) {
        if (entity instanceof Command c) {
            Map<String, Json> fields = new HashMap<>();
            // The argument type is used before the return type: that decides their numbers.
            fields.put("arg-type", Json.str(types.use(orEmpty(c.argType()))));
            fields.put("ret-type", Json.str(types.use(orEmpty(c.retType()))));
            if (c.flags().allowOob()) {
                fields.put("allow-oob", new Json.Bool(true));
            }
            add(c.name(), "command", fields, c.ifcond(), c.features());
        } else if (entity instanceof Event e) {
            Map<String, Json> fields = new HashMap<>();
            fields.put("arg-type", Json.str(types.use(orEmpty(e.argType()))));
            add(e.name(), "event", fields, e.ifcond(), e.features());
        }
    }

    private static String orEmpty(String type) {
        return type != null ? type : EMPTY_OBJECT;
    }

    private void describeType(Entity.Type type) {
        if (type instanceof BuiltinType b) {
            add(b.name(), "builtin", Map.of("json-type", Json.str(b.jsonType())), IfCond.NONE, List.of());
        } else if (type instanceof ArrayType a) {
            String element = types.use(a.elementType());
            add("[" + element + "]", "array", Map.of("element-type", Json.str(element)), a.ifcond(), List.of());
        } else if (type instanceof EnumType e) {
            enumType(e);
        } else if (type instanceof ObjectType o) {
            objectType(o);
        } else if (type instanceof AlternateType a) {
            alternateType(a);
        }
    }

    private void enumType(EnumType e) {
        List<Json> members = new ArrayList<>();
        List<Json> values = new ArrayList<>();
        for (EnumValue v : e.values()) {
            Map<String, Json> member = new HashMap<>();
            member.put("name", Json.str(v.name()));
            putFeatures(member, v.features());
            members.add(Json.when(v.ifcond(), new Json.Obj(member)));
            // The plain list of names predates "members"; QEMU still sends both.
            values.add(Json.when(v.ifcond(), Json.str(v.name())));
        }
        Map<String, Json> fields = Map.of("members", new Json.Arr(members), "values", new Json.Arr(values));
        add(types.shown(e.name()), "enum", fields, e.ifcond(), e.features());
    }

    private void objectType(ObjectType o) {
        Map<String, Json> fields = new HashMap<>();
        List<Json> members = new ArrayList<>();
        for (Member m : o.members()) {
            Map<String, Json> member = new HashMap<>();
            member.put("name", Json.str(m.name()));
            member.put("type", Json.str(types.use(m.type())));
            if (m.optional()) {
                // Introspection cannot state a default value; null says "optional".
                member.put("default", Json.Null.NULL);
            }
            putFeatures(member, m.features());
            members.add(Json.when(m.ifcond(), new Json.Obj(member)));
        }
        fields.put("members", new Json.Arr(members));
        if (o.branches() != null) {
            fields.put("tag", Json.str(o.branches().tag()));
            fields.put(
                    "variants",
                    new Json.Arr(
                            o.branches().variants().stream().map(this::variant).toList()));
        }
        add(types.shown(o.name()), "object", fields, o.ifcond(), o.features());
    }

    /** A union branch; branches the schema leaves out are in the model as {@code q_empty}. */
    private Json variant(Variant v) {
        Map<String, Json> variant = Map.of("case", Json.str(v.name()), "type", Json.str(types.use(v.type())));
        return Json.when(v.ifcond(), new Json.Obj(variant));
    }

    private void alternateType(AlternateType a) {
        List<Json> members = new ArrayList<>();
        for (Variant v : a.variants()) {
            members.add(Json.when(v.ifcond(), new Json.Obj(Map.of("type", Json.str(types.use(v.type()))))));
        }
        add(types.shown(a.name()), "alternate", Map.of("members", new Json.Arr(members)), a.ifcond(), a.features());
    }

    /**
     * Adds an entry. The features are listed when the schema gives any, even if every one of
     * them is conditional: a build without them then shows an empty list.
     */
    private void add(String name, String metaType, Map<String, Json> fields, IfCond ifcond, List<Feature> features) {
        Map<String, Json> info = new HashMap<>(fields);
        info.put("name", Json.str(name));
        info.put("meta-type", Json.str(metaType));
        putFeatures(info, features);
        entries.add(Json.when(ifcond, new Json.Obj(info)));
    }

    private static void putFeatures(Map<String, Json> object, List<Feature> features) {
        if (!features.isEmpty()) {
            object.put(
                    "features",
                    new Json.Arr(features.stream()
                            .map(f -> Json.when(f.ifcond(), Json.str(f.name())))
                            .toList()));
        }
    }
}
