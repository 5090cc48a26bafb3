package io.qapi.compiler.model;

import io.qapi.compiler.model.Entity.Definition;
import io.qapi.compiler.model.Pending.AlternateP;
import io.qapi.compiler.model.Pending.ArrayP;
import io.qapi.compiler.model.Pending.BuiltinP;
import io.qapi.compiler.model.Pending.CommandP;
import io.qapi.compiler.model.Pending.DefinitionP;
import io.qapi.compiler.model.Pending.EnumP;
import io.qapi.compiler.model.Pending.EventP;
import io.qapi.compiler.model.Pending.FeatureP;
import io.qapi.compiler.model.Pending.IncludeP;
import io.qapi.compiler.model.Pending.MemberP;
import io.qapi.compiler.model.Pending.ObjectP;
import io.qapi.compiler.model.Pending.VariantP;
import io.qapi.compiler.model.Types.AlternateType;
import io.qapi.compiler.model.Types.ArrayType;
import io.qapi.compiler.model.Types.Branches;
import io.qapi.compiler.model.Types.BuiltinType;
import io.qapi.compiler.model.Types.Command;
import io.qapi.compiler.model.Types.EnumType;
import io.qapi.compiler.model.Types.Event;
import io.qapi.compiler.model.Types.ObjectType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns checked pending entities into the model's immutable records. */
final class Freezer {
    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    private final Schema schema;

    Freezer(Map<String, DefinitionP> pending, Map<String, List<Object>> moduleEntities, DocConnector docs,
            Collection<String> featureNames, String rootFile) {
        pending.forEach((name, def) -> definitions.put(name, freeze(def)));
        ModuleNames names = new ModuleNames(rootFile);
        List<Module> modules = new ArrayList<>();
        moduleEntities.forEach((module, entities) -> {
            List<Entity> out = new ArrayList<>(entities.size());
            for (Object e : entities) {
                out.add(e instanceof IncludeP inc
                        ? new Entity.Include(names.nameOf(inc.file()), inc.info())
                        : definitions.get(((DefinitionP) e).name));
            }
            modules.add(new Module(module, out));
        });
        this.schema = new Schema(rootFile, modules, definitions, docs.documentation(), List.copyOf(featureNames));
    }

    Schema schema() {
        return schema;
    }

    private static Definition freeze(DefinitionP def) {
        List<Feature> features = features(def.features);
        if (def instanceof BuiltinP b) {
            return new BuiltinType(b.name, b.jsonType);
        }
        if (def instanceof EnumP e) {
            List<EnumValue> values = e.values.stream()
                    .map(v -> new EnumValue(v.name, v.ifcond, features(v.features))).toList();
            return new EnumType(e.name, e.info, e.doc, e.ifcond, features, values, e.prefix);
        }
        if (def instanceof ArrayP a) {
            return new ArrayType(a.name, a.info, a.elementName, a.effectiveIfcond());
        }
        if (def instanceof ObjectP o) {
            Branches branches = o.isUnion() ? new Branches(o.tagMember.name, variants(o.variants)) : null;
            return new ObjectType(o.name, o.info, o.doc, o.effectiveIfcond(), features, o.base == null ? null : o.base.name,
                    members(o.localMembers), members(o.members), branches);
        }
        if (def instanceof AlternateP a) {
            return new AlternateType(a.name, a.info, a.doc, a.ifcond, features, variants(a.variants));
        }
        if (def instanceof CommandP c) {
            return new Command(c.name, c.info, c.doc, c.ifcond, features,
                    c.argType == null ? null : c.argType.name, c.retType == null ? null : c.retType.name,
                    c.gen, c.successResponse, c.boxed, c.allowOob, c.allowPreconfig, c.coroutine);
        }
        EventP e = (EventP) def;
        return new Event(e.name, e.info, e.doc, e.ifcond, features, e.argType == null ? null : e.argType.name,
                e.boxed);
    }

    private static List<Feature> features(List<FeatureP> features) {
        if (features.isEmpty()) {
            return List.of();
        }
        List<Feature> out = new ArrayList<>(features.size());
        for (FeatureP f : features) {
            out.add(f.freeze());
        }
        return out;
    }

    private static List<Member> members(List<MemberP> members) {
        return members.stream()
                .map(m -> new Member(m.name, m.type.name, m.optional, m.ifcond, features(m.features), m.definedIn))
                .toList();
    }

    private static List<Variant> variants(List<VariantP> variants) {
        return variants.stream().map(v -> new Variant(v.name, v.type.name, v.ifcond)).toList();
    }
}
