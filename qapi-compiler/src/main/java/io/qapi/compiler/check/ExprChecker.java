package io.qapi.compiler.check;

import io.qapi.compiler.check.Decl.Branch;
import io.qapi.compiler.check.Decl.Common;
import io.qapi.compiler.check.Decl.EnumValue;
import io.qapi.compiler.check.Decl.Feature;
import io.qapi.compiler.check.Decl.Member;
import io.qapi.compiler.check.Decl.TypeRef;
import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.diag.QapiException;
import io.qapi.compiler.parse.JsonValue;
import io.qapi.compiler.parse.JsonValue.JsonArray;
import io.qapi.compiler.parse.JsonValue.JsonBool;
import io.qapi.compiler.parse.JsonValue.JsonObject;
import io.qapi.compiler.parse.JsonValue.JsonString;
import io.qapi.compiler.parse.ParsedSchema;
import io.qapi.compiler.parse.Pragmas;
import io.qapi.compiler.parse.TopLevel;
import io.qapi.compiler.source.SourceInfo;
import io.qapi.compiler.vocabulary.CommandFlags;
import io.qapi.compiler.vocabulary.DocComment;
import io.qapi.compiler.vocabulary.DocKind;
import io.qapi.compiler.vocabulary.IfCond;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The check stage: the context-free rules of each definition (its keys, names, member
 * syntax, conditions, features and flags), in the order QEMU applies them, producing
 * {@link Decl}s with the shorthand expanded.
 */
public final class ExprChecker {
    /** A command's optional keys: its own, then every flag's. */
    private static final List<String> COMMAND_KEYS = Stream.concat(
                    Stream.of("data", "returns", "if", "features"), CommandFlags.KEYS.stream())
            .toList();

    private static final Pattern CAMEL_CASE = Pattern.compile("[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*");
    private static final Pattern CONDITION_SYMBOL = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final List<String> METAS = List.of("enum", "struct", "union", "alternate", "command", "event");

    private final Diagnostics diagnostics;
    private final Pragmas pragmas;
    private final Set<String> abandoned = new HashSet<>();
    /** The documentation of the definition being checked. */
    private DocComment doc;

    private final boolean lenient;

    private ExprChecker(Diagnostics diagnostics, Pragmas pragmas, boolean lenient) {
        this.diagnostics = diagnostics;
        this.pragmas = pragmas;
        this.lenient = lenient;
    }

    /** The checked declarations, and the names of definitions dropped for their errors. */
    public record Result(List<Decl> decls, Set<String> abandoned) {}

    /**
     * Checks every expression of a parsed schema on its own, in QEMU's order.
     *
     * @param lenient accept what older QEMU releases accepted (see {@link io.qapi.compiler.QapiCompiler.Options})
     */
    public static Result check(ParsedSchema schema, Diagnostics diagnostics, boolean lenient) {
        ExprChecker checker = new ExprChecker(diagnostics, schema.pragmas(), lenient);
        List<Decl> out = new ArrayList<>();
        for (TopLevel item : schema.items()) {
            if (item instanceof TopLevel.Include inc) {
                out.add(new Decl.Include(inc.path(), inc.info()));
                continue;
            }
            try {
                out.add(checker.definition((TopLevel.Definition) item));
            } catch (QapiException e) {
                // All-errors mode: this definition is dropped, and later references to it stay quiet.
                JsonValue name = metaName(((TopLevel.Definition) item).body());
                if (name instanceof JsonString s) {
                    checker.abandoned.add(s.value());
                }
            }
        }
        return new Result(out, checker.abandoned);
    }

    private static JsonValue metaName(JsonObject expr) {
        return METAS.stream().filter(expr::has).findFirst().map(expr::get).orElse(null);
    }

    private Decl definition(TopLevel.Definition def) {
        JsonObject expr = def.body();
        SourceInfo info = def.info();
        List<String> metas = METAS.stream().filter(expr::has).toList();
        if (metas.size() != 1) {
            throw diagnostics.error(
                    info,
                    "expression must have exactly one key"
                            + " 'enum', 'struct', 'union', 'alternate', 'command', 'event'");
        }
        String meta = metas.get(0);
        if (!(expr.get(meta) instanceof JsonString nameValue)) {
            throw diagnostics.error(info, "'" + meta + "' requires a string name");
        }
        String name = nameValue.value();
        info = info.withDefinition(meta, name);
        checkDefinitionName(name, info, meta);
        checkDoc(def.doc(), expr, name, meta, info);
        // Leniently, a comment for another symbol documents nothing, as before QEMU 2.9.
        doc = def.doc() != null && !name.equals(def.doc().symbol()) ? null : def.doc();
        return switch (meta) {
            case "enum" -> checkEnum(expr, info);
            case "union" -> checkUnion(expr, info);
            case "alternate" -> checkAlternate(expr, info);
            case "struct" -> checkStruct(expr, info);
            case "command" -> checkCommand(expr, info);
            default -> checkEvent(expr, info);
        };
    }

    private static String metaOf(SourceInfo info) {
        return info.defn().meta();
    }

    private void checkDoc(DocComment doc, JsonObject expr, String name, String meta, SourceInfo info) {
        if (lenient) {
            // Older releases placed Returns and Errors sections freely, and documentation
            // problems never make a schema invalid.
            return;
        }
        if (doc == null) {
            if (pragmas.docRequired()) {
                throw diagnostics.error(info, "documentation comment required");
            }
            return;
        }
        if (!name.equals(doc.symbol())) {
            throw diagnostics.error(info, "documentation comment is for '" + doc.symbol() + "'");
        }
        var returns = doc.section(DocKind.RETURNS);
        if (meta.equals("command")) {
            if (returns.isPresent() && !expr.has("returns")) {
                throw diagnostics.error(returns.get().info(), "'Returns' section, but command doesn't return anything");
            }
            return;
        }
        if (returns.isPresent()) {
            throw diagnostics.error(returns.get().info(), "'Returns' section is only valid for commands");
        }
        var errors = doc.section(DocKind.ERRORS);
        if (errors.isPresent()) {
            throw diagnostics.error(errors.get().info(), "'Errors' section is only valid for commands");
        }
    }

    // ---- names ----

    private void checkDefinitionName(String name, SourceInfo info, String meta) {
        if (lenient && !meta.equals("event") && !meta.equals("command")) {
            // Before 6.0 type names needed no CamelCase; an implicit name still may not be taken.
            checkNameStr(name, info, meta);
            if (name.endsWith("List")) {
                throw diagnostics.error(info, meta + " name should not end in 'List'");
            }
            return;
        }
        switch (meta) {
            case "event" -> checkNameUpper(name, info, meta);
            case "command" ->
                checkNameLower(
                        name, info, meta, false, pragmas.commandNameExceptions().contains(name));
            default -> {
                checkNameCamel(name, info, meta);
                if (name.endsWith("List")) {
                    throw diagnostics.error(info, meta + " name should not end in 'List'");
                }
            }
        }
    }

    private String checkNameStr(String name, SourceInfo info, String source) {
        String stem = Names.stem(name);
        if (stem == null) {
            throw diagnostics.error(info, source + " has an invalid name");
        }
        return stem;
    }

    private void checkNameUpper(String name, SourceInfo info, String source) {
        String stem = checkNameStr(name, info, source);
        if (lenient) {
            return; // event names were not checked for case before 6.0
        }
        if (stem.chars().anyMatch(c -> (c >= 'a' && c <= 'z') || c == '-')) {
            throw diagnostics.error(info, "name of " + source + " must not use lowercase or '-'");
        }
    }

    private void checkNameLower(
            String name, SourceInfo info, String source, boolean permitUpper, boolean permitUnderscore) {
        String stem = checkNameStr(name, info, source);
        if (lenient) {
            // Before 6.0, commands and members could use '_', and QEMU 2.8 let hard-coded
            // definitions use uppercase; the exceptions pragmas came later.
            return;
        }
        boolean upper = stem.chars().anyMatch(c -> c >= 'A' && c <= 'Z');
        if ((!permitUpper && upper) || (!permitUnderscore && stem.indexOf('_') >= 0)) {
            throw diagnostics.error(info, "name of " + source + " must not use uppercase or '_'");
        }
    }

    private void checkNameCamel(String name, SourceInfo info, String source) {
        String stem = checkNameStr(name, info, source);
        if (!CAMEL_CASE.matcher(stem).matches()) {
            throw diagnostics.error(info, "name of " + source + " must use CamelCase");
        }
    }

    // ---- keys ----

    private void checkKeys(
            JsonObject value, SourceInfo info, String source, List<String> required, List<String> optional) {
        List<String> missing = null;
        for (String k : required) {
            if (!value.has(k)) {
                missing = missing == null ? new ArrayList<>() : missing;
                missing.add(k);
            }
        }
        if (missing != null) {
            missing.sort(null);
            throw diagnostics.error(info, source + " misses key" + (missing.size() > 1 ? "s " : " ") + quoted(missing));
        }
        List<String> unknown = null;
        for (String k : value.members().keySet()) {
            if (!required.contains(k) && !optional.contains(k)) {
                unknown = unknown == null ? new ArrayList<>() : unknown;
                unknown.add(k);
            }
        }
        if (unknown != null) {
            unknown.sort(null);
            List<String> allowed = new ArrayList<>(required);
            allowed.addAll(optional);
            throw diagnostics.error(
                    info,
                    source + " has unknown key" + (unknown.size() > 1 ? "s " : " ") + quoted(unknown)
                            + "\nValid keys are "
                            + quoted(allowed.stream().sorted().toList()) + ".");
        }
    }

    private static String quoted(List<String> keys) {
        return String.join(", ", keys.stream().map(k -> "'" + k + "'").toList());
    }

    // ---- flags ----

    private void checkFlags(JsonObject expr, SourceInfo info) {
        for (String key : CommandFlags.ON_UNLESS_FALSE) {
            if (expr.has(key) && !(expr.get(key) instanceof JsonBool b && !b.value())) {
                throw diagnostics.error(info, "flag '" + key + "' may only use false value");
            }
        }
        for (String key : CommandFlags.OFF_UNLESS_TRUE) {
            if (expr.has(key) && !(expr.get(key) instanceof JsonBool b && b.value())) {
                throw diagnostics.error(info, "flag '" + key + "' may only use true value");
            }
        }
        if (expr.has("allow-oob") && expr.has("coroutine")) {
            throw diagnostics.error(info, "flags 'allow-oob' and 'coroutine' are incompatible");
        }
    }

    // ---- conditions ----

    private IfCond ifCond(JsonObject holder, SourceInfo info, String source) {
        JsonValue cond = holder.get("if");
        if (cond == null) {
            return IfCond.NONE;
        }
        IfCond.Expr legacy = lenient ? legacyCondition(cond) : null;
        return new IfCond(legacy != null ? legacy : condition(cond, info, source));
    }

    /**
     * A condition as QEMU 3.0 to 6.1 wrote it: a C preprocessor expression, or a non-empty
     * list of them; {@code null} for any other condition.
     */
    private static IfCond.Expr legacyCondition(JsonValue cond) {
        if (cond instanceof JsonString s
                && !s.value().isBlank()
                && !CONDITION_SYMBOL.matcher(s.value()).matches()) {
            return LegacyCondition.parse(s.value());
        }
        if (cond instanceof JsonArray a
                && !a.elements().isEmpty()
                && a.elements().stream()
                        .allMatch(e -> e instanceof JsonString s && !s.value().isBlank())) {
            return LegacyCondition.all(
                    a.elements().stream().map(e -> ((JsonString) e).value()).toList());
        }
        return null;
    }

    private IfCond.Expr condition(JsonValue cond, SourceInfo info, String source) {
        if (cond instanceof JsonString s) {
            if (!CONDITION_SYMBOL.matcher(s.value()).matches()) {
                throw diagnostics.error(
                        info, "'if' condition '" + s.value() + "' of " + source + " is not a valid identifier");
            }
            return new IfCond.Symbol(s.value());
        }
        if (!(cond instanceof JsonObject obj)) {
            throw diagnostics.error(info, "'if' condition of " + source + " must be a string or an object");
        }
        checkKeys(obj, info, "'if' condition of " + source, List.of(), List.of("all", "any", "not"));
        if (obj.size() != 1) {
            throw diagnostics.error(info, "'if' condition of " + source + " has conflicting keys");
        }
        if (obj.has("not")) {
            return new IfCond.Not(condition(obj.get("not"), info, source));
        }
        String operator = obj.has("all") ? "all" : "any";
        if (!(obj.get(operator) instanceof JsonArray operands)) {
            throw diagnostics.error(info, "'" + operator + "' condition of " + source + " must be an array");
        }
        if (operands.elements().isEmpty()) {
            throw diagnostics.error(info, "'if' condition [] of " + source + " is useless");
        }
        List<IfCond.Expr> checked = operands.elements().stream()
                .map(o -> condition(o, info, source))
                .toList();
        return operator.equals("all") ? new IfCond.All(checked) : new IfCond.Any(checked);
    }

    // ---- features ----

    private List<Feature> features(JsonValue value, SourceInfo info) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw diagnostics.error(info, "'features' must be an array");
        }
        List<Feature> out = new ArrayList<>();
        for (JsonValue element : array.elements()) {
            JsonObject feat = longForm(element, "name");
            String source = "'features' member";
            checkKeys(feat, info, source, List.of("name"), List.of("if"));
            if (!(feat.get("name") instanceof JsonString name)) {
                throw diagnostics.error(info, source + " requires a string name");
            }
            source = source + " '" + name.value() + "'";
            checkNameLower(name.value(), info, source, false, false);
            out.add(new Feature(name.value(), ifCond(feat, info, source)));
        }
        return out;
    }

    /** QAPI's shorthand: a bare value stands for an object with that value under {@code key}. */
    private static JsonObject longForm(JsonValue value, String key) {
        if (value instanceof JsonObject obj) {
            return obj;
        }
        return new JsonObject(Map.of(key, value), value.line(), value.column());
    }

    // ---- type references and members ----

    private String typeName(JsonValue value, SourceInfo info, String source) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw diagnostics.error(info, source + " should be a type name");
        }
        return s.value();
    }

    private TypeRef typeNameOrArray(JsonValue value, SourceInfo info, String source) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString s) {
            return new TypeRef(s.value(), false);
        }
        if (!(value instanceof JsonArray array)) {
            throw diagnostics.error(info, source + " should be a type name or array");
        }
        if (array.elements().size() != 1 || !(array.elements().get(0) instanceof JsonString element)) {
            throw diagnostics.error(info, source + ": array type must contain single type name");
        }
        return new TypeRef(element.value(), true);
    }

    /** Inline members: QEMU's check_type_implicit. */
    private List<Member> implicitMembers(JsonValue value, SourceInfo info, String source, String parent) {
        if (!(value instanceof JsonObject obj)) {
            throw diagnostics.error(info, source + " should be an object or type name");
        }
        boolean permissive = parent != null && pragmas.memberNameExceptions().contains(parent);
        List<Member> members = new ArrayList<>();
        for (var entry : obj.members().entrySet()) {
            String key = entry.getKey();
            String keySource = source + " member '" + key + "'";
            String bare = key.startsWith("*") ? key.substring(1) : key;
            checkNameLower(bare, info, keySource, permissive, permissive);
            String c = Names.cName(bare, false);
            if (c.equals("u") || c.startsWith("has_")) {
                throw diagnostics.error(info, keySource + " uses reserved name");
            }
            JsonObject arg = longForm(entry.getValue(), "type");
            checkKeys(arg, info, keySource, List.of("type"), List.of("if", "features"));
            IfCond ifcond = ifCond(arg, info, keySource);
            List<Feature> features = features(arg.get("features"), info);
            TypeRef type = typeNameOrArray(arg.get("type"), info, keySource);
            members.add(new Member(key, type, ifcond, features == null ? List.of() : features));
        }
        return members;
    }

    private List<Branch> branches(JsonObject data, SourceInfo info, boolean alternate) {
        List<Branch> out = new ArrayList<>();
        for (var entry : data.members().entrySet()) {
            String source = "'data' member '" + entry.getKey() + "'";
            if (alternate) {
                checkNameLower(entry.getKey(), info, source, false, false);
            }
            JsonObject value = longForm(entry.getValue(), "type");
            checkKeys(value, info, source, List.of("type"), List.of("if"));
            IfCond ifcond = ifCond(value, info, source);
            TypeRef type = alternate
                    ? typeNameOrArray(value.get("type"), info, source)
                    : new TypeRef(typeName(value.get("type"), info, source), false);
            out.add(new Branch(entry.getKey(), type, ifcond));
        }
        return out;
    }

    // ---- definitions ----

    private Decl checkEnum(JsonObject expr, SourceInfo info) {
        checkKeys(expr, info, "enum", List.of("enum", "data"), List.of("if", "features", "prefix"));
        String name = ((JsonString) expr.get("enum")).value();
        if (!(expr.get("data") instanceof JsonArray data)) {
            throw diagnostics.error(info, "'data' must be an array");
        }
        JsonValue prefix = expr.get("prefix");
        if (prefix != null && !(prefix instanceof JsonString)) {
            throw diagnostics.error(info, "'prefix' must be a string");
        }
        boolean permissive = pragmas.memberNameExceptions().contains(name);
        List<EnumValue> values = new ArrayList<>();
        for (JsonValue element : data.elements()) {
            JsonObject member = longForm(element, "name");
            String source = "'data' member";
            checkKeys(member, info, source, List.of("name"), List.of("if", "features"));
            if (!(member.get("name") instanceof JsonString valueName)) {
                throw diagnostics.error(info, source + " requires a string name");
            }
            source = source + " '" + valueName.value() + "'";
            String checked = valueName.value();
            if (!checked.isEmpty() && Character.isDigit(checked.charAt(0))) {
                checked = "d" + checked; // values may start with a digit
            }
            checkNameLower(checked, info, source, permissive, permissive);
            IfCond ifcond = ifCond(member, info, source);
            List<Feature> features = features(member.get("features"), info);
            values.add(new EnumValue(valueName.value(), ifcond, features == null ? List.of() : features));
        }
        Common common = finish(expr, name, info);
        return new Decl.Enumeration(common, values, prefix == null ? null : ((JsonString) prefix).value());
    }

    private Decl checkStruct(JsonObject expr, SourceInfo info) {
        checkKeys(expr, info, "struct", List.of("struct", "data"), List.of("base", "if", "features"));
        String name = ((JsonString) expr.get("struct")).value();
        List<Member> members = implicitMembers(expr.get("data"), info, "'data'", name);
        String base = typeName(expr.get("base"), info, "'base'");
        return new Decl.Struct(finish(expr, name, info), base, members);
    }

    private Decl checkUnion(JsonObject expr, SourceInfo info) {
        if (lenient && !expr.has("discriminator")) {
            return checkSimpleUnion(expr, info);
        }
        checkKeys(expr, info, "union", List.of("union", "base", "discriminator", "data"), List.of("if", "features"));
        String name = ((JsonString) expr.get("union")).value();
        JsonValue base = expr.get("base");
        String baseName = null;
        List<Member> baseMembers = null;
        if (base instanceof JsonString s) {
            baseName = s.value();
        } else {
            baseMembers = implicitMembers(base, info, "'base'", name);
        }
        if (!(expr.get("discriminator") instanceof JsonString discriminator)) {
            throw diagnostics.error(info, "'discriminator' requires a string name");
        }
        if (!(expr.get("data") instanceof JsonObject data)) {
            throw diagnostics.error(info, "'data' must be an object");
        }
        List<Branch> branches = branches(data, info, false);
        return new Decl.Union(finish(expr, name, info), baseName, baseMembers, discriminator.value(), branches);
    }

    /**
     * A simple union, which QEMU had until 6.1: no base, no discriminator, and branches of any
     * type, arrays included; the model gives it an implicit tag enum and wrapper types.
     */
    private Decl checkSimpleUnion(JsonObject expr, SourceInfo info) {
        checkKeys(expr, info, "union", List.of("union", "data"), List.of("if", "features"));
        String name = ((JsonString) expr.get("union")).value();
        if (!(expr.get("data") instanceof JsonObject data)) {
            throw diagnostics.error(info, "'data' must be an object");
        }
        List<Branch> branches = new ArrayList<>();
        for (var entry : data.members().entrySet()) {
            String source = "'data' member '" + entry.getKey() + "'";
            checkNameLower(entry.getKey(), info, source, false, false);
            JsonObject value = longForm(entry.getValue(), "type");
            checkKeys(value, info, source, List.of("type"), List.of("if"));
            IfCond ifcond = ifCond(value, info, source);
            branches.add(new Branch(entry.getKey(), typeNameOrArray(value.get("type"), info, source), ifcond));
        }
        return new Decl.Union(finish(expr, name, info), null, null, null, branches);
    }

    private Decl checkAlternate(JsonObject expr, SourceInfo info) {
        checkKeys(expr, info, "alternate", List.of("alternate", "data"), List.of("if", "features"));
        String name = ((JsonString) expr.get("alternate")).value();
        JsonValue data = expr.get("data");
        if (!Truth.of(data)) {
            throw diagnostics.error(info, "'data' must not be empty");
        }
        if (!(data instanceof JsonObject obj)) {
            throw diagnostics.error(info, "'data' must be an object");
        }
        return new Decl.Alternate(finish(expr, name, info), branches(obj, info, true));
    }

    private Decl checkCommand(JsonObject expr, SourceInfo info) {
        checkKeys(expr, info, "command", List.of("command"), COMMAND_KEYS);
        String name = ((JsonString) expr.get("command")).value();
        Arguments args = arguments(expr, info);
        TypeRef returns = typeNameOrArray(expr.get("returns"), info, "'returns'");
        Common common = finish(expr, name, info);
        return new Decl.Command(common, args.name, args.members, returns, CommandFlags.of(expr::has));
    }

    private Decl checkEvent(JsonObject expr, SourceInfo info) {
        checkKeys(expr, info, "event", List.of("event"), List.of("data", "boxed", "if", "features"));
        String name = ((JsonString) expr.get("event")).value();
        Arguments args = arguments(expr, info);
        return new Decl.Event(finish(expr, name, info), args.name, args.members, expr.has("boxed"));
    }

    private record Arguments(String name, List<Member> members) {}

    /** A command's or event's 'data': a type name, inline members, or (boxed) a type name only. */
    private Arguments arguments(JsonObject expr, SourceInfo info) {
        JsonValue data = expr.get("data");
        if (Truth.of(expr.get("boxed"))) {
            if (data == null) {
                throw diagnostics.error(info, "'boxed': true requires 'data'");
            }
            return new Arguments(typeName(data, info, "'data'"), null);
        }
        if (data == null || data instanceof JsonString) {
            return new Arguments(data == null ? null : ((JsonString) data).value(), null);
        }
        return new Arguments(null, implicitMembers(data, info, "'data'", null));
    }

    /**
     * The checks every definition ends with, after its kind-specific ones: its condition, its
     * features, its flags.
     */
    private Common finish(JsonObject expr, String name, SourceInfo info) {
        IfCond ifcond = ifCond(expr, info, metaOf(info));
        List<Feature> features = features(expr.get("features"), info);
        checkFlags(expr, info);
        return new Common(name, info, doc, ifcond, features);
    }
}
