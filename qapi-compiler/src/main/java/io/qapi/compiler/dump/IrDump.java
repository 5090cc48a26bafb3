package io.qapi.compiler.dump;

import io.qapi.compiler.model.Documentation;
import io.qapi.compiler.model.Entity;
import io.qapi.compiler.model.EnumValue;
import io.qapi.compiler.model.Feature;
import io.qapi.compiler.model.Member;
import io.qapi.compiler.model.Module;
import io.qapi.compiler.model.Schema;
import io.qapi.compiler.model.Types.AlternateType;
import io.qapi.compiler.model.Types.ArrayType;
import io.qapi.compiler.model.Types.Command;
import io.qapi.compiler.model.Types.EnumType;
import io.qapi.compiler.model.Types.Event;
import io.qapi.compiler.model.Types.ObjectType;
import io.qapi.compiler.model.Variant;
import io.qapi.compiler.vocabulary.DocSection;
import io.qapi.compiler.vocabulary.IfCond;
import java.util.List;

/**
 * Prints a schema the way QEMU's QAPI test driver prints it: modules with their entities,
 * then the documentation comments. The format is QEMU's, byte for byte, so that the output
 * can be compared with QEMU's conformance suite and with QEMU's own output for any schema.
 */
public final class IrDump {
    private final StringBuilder out = new StringBuilder(1 << 16);

    private IrDump() {}

    public static String print(Schema schema) {
        IrDump dump = new IrDump();
        schema.modules().forEach(dump::module);
        schema.docs().forEach(dump::doc);
        return dump.out.toString();
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    private static String py(boolean b) {
        return b ? "True" : "False";
    }

    private void module(Module module) {
        line("module " + module.name());
        for (Entity e : module.entities()) {
            entity(e);
        }
    }

    private void entity(Entity e) {
        if (e instanceof Entity.Include inc) {
            line("include " + inc.module());
        } else if (e instanceof EnumType t) {
            enumType(t);
        } else if (e instanceof ArrayType t) {
            if (t.info() != null) {
                line("array " + t.name() + " " + t.elementType());
                ifcond(t.ifcond(), 4);
            }
        } else if (e instanceof ObjectType t) {
            objectType(t);
        } else if (e instanceof AlternateType t) {
            line("alternate " + t.name());
            line("    tag type");
            variants(t.variants());
            ifcond(t.ifcond(), 4);
            features(t.features(), 4);
        } else if (e instanceof Command c) {
            line("command " + c.name() + " " + orNone(c.argType()) + " -> " + orNone(c.retType()));
            line("    gen=" + py(c.flags().gen()) + " success_response="
                    + py(c.flags().successResponse()) + " boxed=" + py(c.flags().boxed())
                    + " oob=" + py(c.flags().allowOob()) + " preconfig="
                    + py(c.flags().allowPreconfig())
                    + (c.flags().coroutine() ? " coroutine=True" : ""));
            ifcond(c.ifcond(), 4);
            features(c.features(), 4);
        } else if (e instanceof Event ev) {
            line("event " + ev.name() + " " + orNone(ev.argType()));
            line("    boxed=" + py(ev.boxed()));
            ifcond(ev.ifcond(), 4);
            features(ev.features(), 4);
        }
    }

    private static String orNone(String s) {
        return s == null ? "None" : s;
    }

    private void enumType(EnumType t) {
        line("enum " + t.name());
        if (t.prefix() != null && !t.prefix().isEmpty()) {
            line("    prefix " + t.prefix());
        }
        for (EnumValue v : t.values()) {
            line("    member " + v.name());
            ifcond(v.ifcond(), 8);
            features(v.features(), 8);
        }
        ifcond(t.ifcond(), 4);
        features(t.features(), 4);
    }

    private void objectType(ObjectType t) {
        line("object " + t.name());
        if (t.base() != null) {
            line("    base " + t.base());
        }
        for (Member m : t.localMembers()) {
            line("    member " + m.name() + ": " + m.type() + " optional=" + py(m.optional()));
            ifcond(m.ifcond(), 8);
            features(m.features(), 8);
        }
        if (t.branches() != null) {
            line("    tag " + t.branches().tag());
            variants(t.branches().variants());
        }
        ifcond(t.ifcond(), 4);
        features(t.features(), 4);
    }

    private void variants(List<Variant> variants) {
        for (Variant v : variants) {
            line("    case " + v.name() + ": " + v.type());
            ifcond(v.ifcond(), 8);
        }
    }

    private void ifcond(IfCond cond, int indent) {
        if (cond.isPresent()) {
            line(" ".repeat(indent) + "if " + cond.display());
        }
    }

    private void features(List<Feature> features, int indent) {
        for (Feature f : features) {
            line(" ".repeat(indent) + "feature " + f.name());
            ifcond(f.ifcond(), indent + 4);
        }
    }

    private void doc(Documentation doc) {
        line(doc.symbol() != null ? "doc symbol=" + doc.symbol() : "doc freeform");
        line("    body=\n" + doc.comment().body().text());
        doc.args().forEach((name, s) -> line("    arg=" + name + "\n" + s.text()));
        doc.features().forEach((name, s) -> line("    feature=" + name + "\n" + s.text()));
        for (DocSection s : doc.sections()) {
            line("    section=" + s.kind().title() + "\n" + s.text());
        }
    }
}
