package io.qapi.compiler.model;

import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.diag.QapiException;
import io.qapi.compiler.model.Pending.AlternateP;
import io.qapi.compiler.model.Pending.CommandP;
import io.qapi.compiler.model.Pending.DefinitionP;
import io.qapi.compiler.model.Pending.EnumP;
import io.qapi.compiler.model.Pending.EnumValueP;
import io.qapi.compiler.model.Pending.EventP;
import io.qapi.compiler.model.Pending.FeatureP;
import io.qapi.compiler.model.Pending.MemberP;
import io.qapi.compiler.model.Pending.Named;
import io.qapi.compiler.model.Pending.ObjectP;
import io.qapi.compiler.parse.DocComment;
import io.qapi.compiler.parse.DocKind;
import io.qapi.compiler.parse.DocSection;
import io.qapi.compiler.parse.Pragmas;
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
    private final Map<DocComment, State> states = new IdentityHashMap<>();

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

    DocConnector(Diagnostics diagnostics, Pragmas pragmas, boolean lenient, List<DocComment> comments) {
        this.diagnostics = diagnostics;
        this.pragmas = pragmas;
        this.lenient = lenient;
        this.comments = comments;
        comments.forEach(c -> states.put(c, new State(c)));
    }

    /** Connects a definition's own comment, right after the definition was checked. */
    void connect(DefinitionP def) {
        if (def.doc != null) {
            connect(def, def.doc);
        }
    }

    private void connect(DefinitionP def, DocComment doc) {
        features(def.features, doc);
        if (def instanceof EnumP e) {
            for (EnumValueP v : e.values) {
                member(v, doc);
                features(v.features, doc);
            }
        } else if (def instanceof ObjectP o) {
            if (o.base != null && o.base.implicit()) {
                connect(o.base, doc);
            }
            for (MemberP m : o.localMembers) {
                member(m, doc);
                features(m.features, doc);
            }
        } else if (def instanceof AlternateP a) {
            a.variants.forEach(v -> member(v, doc));
        } else if (def instanceof CommandP c) {
            connectArguments(c.argType, doc);
        } else if (def instanceof EventP e) {
            connectArguments(e.argType, doc);
        }
    }

    /** Inline arguments are documented with the command or event; a named type has its own comment. */
    private void connectArguments(ObjectP argType, DocComment doc) {
        if (argType != null && argType.implicit()) {
            connect(argType, doc);
        }
    }

    private void member(Named member, DocComment doc) {
        State state = states.get(doc);
        if (!state.args.containsKey(member.name)) {
            if (!lenient && !pragmas.documentationExceptions().contains(doc.symbol())) {
                throw diagnostics.error(member.info, member.role() + " '" + member.name + "' lacks documentation");
            }
            state.args.put(member.name, new DocSection(doc.info(), DocKind.MEMBER, member.name, ""));
        }
        state.connectedArgs.add(member.name);
    }

    private void features(List<FeatureP> features, DocComment doc) {
        State state = states.get(doc);
        for (FeatureP f : features) {
            if (!doc.features().containsKey(f.name) && !lenient) {
                throw diagnostics.error(f.info, "feature '" + f.name + "' lacks documentation");
            }
            state.connectedFeatures.add(f.name);
        }
    }

    /**
     * Leaves a definition's comment out of {@link #checkAll}: the definition failed its check
     * (all-errors mode), so what the comment describes was not all connected.
     */
    void abandon(DefinitionP def) {
        if (def.doc != null) {
            states.get(def.doc).abandoned = true;
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
        throw diagnostics.error(described.get(bogus.get(0)).info(), "documented " + what + (plural ? "s" : "")
                + " '" + String.join("', '", bogus) + "' " + (plural ? "do" : "does") + " not exist");
    }

    /** The comments with their descriptions as connected, in reading order. */
    List<Documentation> documentation() {
        return comments.stream().map(c -> new Documentation(c, states.get(c).args)).toList();
    }
}
