package io.qapi.maven;

import io.qapi.compiler.Pipeline;
import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.diag.Diagnostic;
import io.qapi.compiler.gen.Defines;
import io.qapi.compiler.gen.GenOptions;
import io.qapi.compiler.gen.JavaGenerator;
import io.qapi.compiler.gen.PlannedFile;
import io.qapi.compiler.write.GeneratedSources;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What the {@code generate} and {@code generate-test} goals share: read the root schemas,
 * report errors as {@code FILE:LINE:COL: message}, generate, write what changed, and add the
 * output as a source root. Nothing is done when a content hash of the inputs, the
 * configuration and the plugin version matches the last run's.
 */
public abstract class AbstractGenerateMojo extends AbstractMojo {

    /** The Maven project; the output directory is added to its source roots. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** This execution of the goal: its id names the file that records the last run's inputs. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution execution;

    /** The plugin's version, part of the hash: a new plugin regenerates. */
    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
    private String pluginVersion;

    /**
     * Root schemas, relative to the source directory. By default, every {@code *.json} file
     * there that no other schema file includes.
     */
    @Parameter
    private List<String> schemas = new ArrayList<>();

    /** The base package of the generated API; each schema module gets a subpackage. */
    @Parameter(property = "qapi.package", required = true)
    private String packageName;

    /**
     * What to generate: any of {@code types}, {@code client}, {@code server}, {@code events},
     * {@code introspection}. By default, all of them.
     */
    @Parameter
    private List<String> targets = new ArrayList<>();

    /**
     * Configuration symbols that are set (like {@code CONFIG_SPICE}). With any, {@code 'if'}
     * conditions are evaluated and what is false is left out; with none, everything is
     * generated and conditional elements are annotated with their condition.
     */
    @Parameter
    private List<String> defines = new ArrayList<>();

    /** Accept the documentation conventions of older QEMU releases (2.8 to 11.0). */
    @Parameter(property = "qapi.lenientDocs", defaultValue = "false")
    private boolean lenientDocs;

    /** Report every independent error instead of the first one. */
    @Parameter(property = "qapi.allErrors", defaultValue = "false")
    private boolean allErrors;

    /** Skip the goal. */
    @Parameter(property = "qapi.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Where the schemas are: by default {@code src/main/qapi}, and {@code src/test/qapi} for
     * {@code generate-test}.
     */
    @Parameter
    private File sourceDirectory;

    /**
     * Where the generated sources go: by default {@code target/generated-sources/qapi}, and
     * {@code target/generated-test-sources/qapi} for {@code generate-test}. It becomes a compile
     * source root of the goal's source set.
     */
    @Parameter
    private File outputDirectory;

    private final SourceSet sourceSet;

    AbstractGenerateMojo(SourceSet sourceSet) {
        this.sourceSet = sourceSet;
    }

    private File sourceDirectory() {
        return sourceDirectory != null ? sourceDirectory : new File(project.getBasedir(), sourceSet.schemas);
    }

    private File outputDirectory() {
        return outputDirectory != null
                ? outputDirectory
                : new File(project.getBuild().getDirectory(), sourceSet.generated);
    }

    /** The file recording the last run's inputs, per goal and execution. */
    private File stateFile() {
        return new File(
                project.getBuild().getDirectory(),
                "qapi-state/" + execution.getGoal() + "-" + execution.getExecutionId());
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("qapi: skipped");
            return;
        }
        long start = System.nanoTime();
        Path output = outputDirectory().toPath();
        sourceSet.addSourceRoot(project, output.toString());
        List<Path> roots = rootSchemas();
        if (roots.isEmpty()) {
            getLog().info("qapi: no schemas in " + sourceDirectory());
            return;
        }
        String configuration = configuration(roots);
        OutputClaims.claim(
                project,
                execution.getGoal() + ":" + execution.getExecutionId(),
                output,
                packageName,
                configuration + "\noutput=" + output.toAbsolutePath(),
                "execution '" + execution.getExecutionId() + "' of " + execution.getGoal() + " (" + names(roots) + ")");
        InputState state = new InputState(stateFile().toPath());
        if (state.unchanged(configuration, output)) {
            getLog().info("qapi: up to date (" + roots.size() + " schema" + (roots.size() == 1 ? "" : "s") + ", "
                    + millis(start) + " ms)");
            return;
        }
        Generated generated = generate(roots);
        try {
            GeneratedSources.Report report = Pipeline.write(output, generated.files());
            state.save(configuration, generated.inputs(), output);
            getLog().info("qapi: " + generated.files().size() + " files from " + roots.size() + " schema"
                    + (roots.size() == 1 ? "" : "s") + ": " + report.written() + " written, " + report.unchanged()
                    + " unchanged, " + report.reused() + " reused, " + report.deleted() + " deleted (" + millis(start)
                    + " ms)");
        } catch (IOException e) {
            throw new MojoExecutionException("qapi: cannot write " + output + ": " + e.getMessage(), e);
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The generated files and the schema files they come from. */
    private record Generated(List<PlannedFile> files, Set<Path> inputs) {}

    private Generated generate(List<Path> roots) throws MojoFailureException {
        QapiCompiler.Options options = new QapiCompiler.Options(lenientDocs, allErrors);
        GenOptions generate = genOptions();
        List<Diagnostic> errors = new ArrayList<>();
        List<Path> acceptedLeniently = new ArrayList<>();
        Map<Path, List<PlannedFile>> plans = new LinkedHashMap<>();
        Set<Path> inputs = new TreeSet<>();
        for (Path root : roots) {
            Pipeline.Plan plan = Pipeline.plan(new Pipeline.Request(root.toString(), options, generate));
            errors.addAll(plan.errors());
            if (plan.lenientDocsAccepts()) {
                acceptedLeniently.add(root);
            }
            if (plan.schema() != null) {
                inputs.addAll(SchemaFiles.of(root, plan.schema()));
                plans.put(root, plan.files());
            }
        }
        if (!errors.isEmpty()) {
            errors.forEach(d -> getLog().error(DiagnosticFormat.located(d)));
            for (Path root : acceptedLeniently) {
                getLog().error("qapi: note: <lenientDocs>true</lenientDocs> (-Dqapi.lenientDocs) accepts "
                        + SchemaFiles.shortName(
                                root,
                                sourceDirectory().toPath().toAbsolutePath().normalize())
                        + " (the documentation conventions of QEMU releases 2.8 to 11.0)");
            }
            throw new MojoFailureException("qapi: " + errors.size() + " error" + (errors.size() == 1 ? "" : "s")
                    + " in QAPI schemas (see above)");
        }
        return new Generated(
                RootPlans.merge(
                        plans, sourceDirectory().toPath().toAbsolutePath().normalize()),
                inputs);
    }

    /** The root schemas as the messages name them: relative to the source directory. */
    private String names(List<Path> roots) {
        Path dir = sourceDirectory().toPath().toAbsolutePath().normalize();
        return (roots.size() == 1 ? "schema " : "schemas ")
                + String.join(
                        ", ",
                        roots.stream().map(r -> SchemaFiles.shortName(r, dir)).toList());
    }

    private GenOptions genOptions() throws MojoFailureException {
        Set<GenOptions.Target> selected;
        try {
            selected = GenOptions.Target.parse(targets);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(
                    "qapi: " + e.getMessage() + "; use types, client, server, events " + "or introspection");
        }
        try {
            return new GenOptions(packageName, Defines.of(defines), selected);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("qapi: <packageName>: " + e.getMessage());
        }
    }

    private List<Path> rootSchemas() throws MojoExecutionException {
        Path dir = sourceDirectory().toPath().toAbsolutePath().normalize();
        if (!schemas.isEmpty()) {
            return schemas.stream().map(s -> dir.resolve(s).normalize()).toList();
        }
        try {
            return SchemaFiles.roots(dir);
        } catch (IOException e) {
            throw new MojoExecutionException("qapi: cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Which build of the generator runs: its jar's size and time. A released version is enough
     * to tell, but a snapshot is rebuilt under the same version, and its new output must not be
     * skipped as up to date.
     */
    private static String generatorBuild() {
        try {
            Path jar = Path.of(JavaGenerator.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return Files.isRegularFile(jar)
                    ? Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis()
                    : jar.toString();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Everything besides the schema files that decides the output. */
    private String configuration(List<Path> roots) {
        return String.join(
                "\n",
                "plugin=" + pluginVersion,
                "generator=" + generatorBuild(),
                "roots=" + roots,
                "package=" + packageName,
                "targets=" + new TreeSet<>(targets),
                "defines=" + new TreeSet<>(defines),
                "lenient=" + lenientDocs,
                "allErrors=" + allErrors);
    }
}
