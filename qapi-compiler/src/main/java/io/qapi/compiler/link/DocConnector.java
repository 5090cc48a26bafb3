package io.qapi.compiler.link;

import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.diag.QapiException;
import io.qapi.compiler.model.Documentation;
import io.qapi.compiler.model.Entity.Definition;
import io.qapi.compiler.model.EnumValue;
import io.qapi.compiler.model.Feature;
import io.qapi.compiler.model.Member;
import io.qapi.compiler.model.Types.AlternateType;
import io.qapi.compiler.model.Types.Command;
import io.qapi.compiler.model.Types.EnumType;
import io.qapi.compiler.model.Types.Event;
import io.qapi.compiler.model.Types.ObjectType;
import io.qapi.compiler.parse.Pragmas;
import io.qapi.compiler.source.SourceInfo;
import io.qapi.compiler.vocabulary.DocComment;
import io.qapi.compiler.vocabulary.DocKind;
import io.qapi.compiler.vocabulary.DocSection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Connects documentation comments to what they document: every member, value, branch and
 * feature needs a description (members of definitions named by the documentation-exceptions
 * pragma get an empty one), and every description must describe something that exists.
 * Leniently, for older releases' schemas, undocumented members get an empty description too
 * and descriptions are not checked against what exists.
 */
final class DocConnector {
    private final Diagnostics diagnostics;
    private final Pragmas pragmas;
    private final boolean lenient;
    private final List<DocComment> comments;
    private final IdentityHashMap<DocComment, State> states = new IdentityHashMap<>();
    /** Where the implicit argument and base types an object, command or event names are found. */
    private final Definitions definitions;

    /** What has been connected so far for one comment. */
    private static final class State {
        final Map<String, DocSection> args;
        final Set<String> connectedArgs = new HashSet<>();
        final Set<String> connectedFeatures = new HashSet<>();
        boolean abandoned;

        State(DocComment doc) {
            this.args = new LinkedHashMap<>(doc.args());
        }
    }

    DocConnector(
            Diagnostics diagnostics,
            Pragmas pragmas,
            boolean lenient,
            List<DocComment> comments,
            Definitions definitions) {
        this.diagnostics = diagnostics;
        this.definitions = definitions;
        this.pragmas = pragmas;
        this.lenient = lenient;
        this.comments = comments;
        comments.forEach(c -> states.put(c, new State(c)));
    }

    /** Connects a definition's own comment, right after the definition was checked. */
    void connect(Definition def) {
        if (def.doc() != null) {
            connect(def, def.doc());
        }
    }

    /** {@code def}'s positions stand for everything it declares, as QEMU's do. */
    private void connect(Definition def, DocComment doc) {
        SourceInfo info = def.info();
        features(def.features(), info, doc);
        if (def instanceof EnumType e) {
            for (EnumValue v : e.values()) {
                member("value", v.name(), info, doc);
                features(v.features(), info, doc);
            }
        } else if (def instanceof ObjectType o) {
            if (o.base() != null) {
                connectImplicit(o.base(), doc);
            }
            for (Member m : o.localMembers()) {
                member("member", m.name(), info, doc);
                features(m.features(), info, doc);
            }
        } else if (def instanceof AlternateType a) {
            a.variants().forEach(v -> member("branch", v.name(), info, doc));
        } else if (def instanceof Command c && c.argType() != null) {
            connectImplicit(c.argType(), doc);
        } else if (def instanceof Event e && e.argType() != null) {
            connectImplicit(e.argType(), doc);
        }
    }

    /** Inline arguments and bases are documented with their owner; a named type has its own comment. */
    private void connectImplicit(String typeName, DocComment doc) {
        Definition type = definitions.lookup(typeName);
        if (type instanceof ObjectType object && object.implicit()) {
            connect(object, doc);
        }
    }

    private void member(String role, String name, SourceInfo info, DocComment doc) {
        State state = states.get(doc);
        if (!state.args.containsKey(name)) {
            if (!lenient && !pragmas.documentationExceptions().contains(doc.symbol())) {
                throw diagnostics.error(info, role + " '" + name + "' lacks documentation");
            }
            state.args.put(name, new DocSection(doc.info(), DocKind.MEMBER, name, ""));
        }
        state.connectedArgs.add(name);
    }

    private void features(List<Feature> features, SourceInfo info, DocComment doc) {
        State state = states.get(doc);
        for (Feature f : features) {
            if (!doc.features().containsKey(f.name()) && !lenient) {
                throw diagnostics.error(info, "feature '" + f.name() + "' lacks documentation");
            }
            state.connectedFeatures.add(f.name());
        }
    }

    /**
     * Leaves a definition's comment out of {@link #checkAll}: the definition failed its check
     * (all-errors mode), so what the comment describes was not all connected.
     */
    void abandon(Definition def) {
        if (def.doc() != null) {
            states.get(def.doc()).abandoned = true;
        }
    }

    /**
     * After all definitions: descriptions of things that do not exist. Each comment is checked on
     * its own, except those of definitions that failed their checks, in the model stage or
     * (named in {@code dropped}) in the expression stage.
     */
    void checkAll(Set<String> dropped) {
        if (lenient) {
            // Older releases did not check that described members exist.
            return;
        }
        for (DocComment doc : comments) {
            State state = states.get(doc);
            if (state.abandoned || dropped.contains(doc.symbol())) {
                continue;
            }
            try {
                checkDescribed(state.args, state.connectedArgs, "member");
                checkDescribed(doc.features(), state.connectedFeatures, "feature");
            } catch (QapiException e) {
                // All-errors mode: recorded; go on with the next comment.
            }
        }
    }

    private void checkDescribed(Map<String, DocSection> described, Set<String> connected, String what) {
        List<String> bogus = new ArrayList<>();
        described.keySet().stream().filter(n -> !connected.contains(n)).forEach(bogus::add);
        if (bogus.isEmpty()) {
            return;
        }
        boolean plural = bogus.size() > 1;
        throw diagnostics.error(
                described.get(bogus.get(0)).info(),
                "documented " + what + (plural ? "s" : "") + " '" + String.join("', '", bogus) + "' "
                        + (plural ? "do" : "does") + " not exist");
    }

    /** The comments with their descriptions as connected, in reading order. */
    List<Documentation> documentation() {
        return comments.stream()
                .map(c -> new Documentation(c, states.get(c).args))
                .toList();
    }
}
