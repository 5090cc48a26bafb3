package io.qapi.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generate goal run as Maven runs it: several root schemas in one execution, several
 * executions in one project, and the messages of schemas that fail.
 */
class GenerateMojoTest {
    private static final String SHOP = "{ 'command': 'buy', 'data': { 'item': 'str' } }\n";
    private static final String STOCK =
            "{ 'command': 'count', 'returns': 'Count' }\n" + "{ 'struct': 'Count', 'data': { 'n': 'int' } }\n";

    @TempDir
    Path basedir;

    private void schema(String name, String text) throws IOException {
        Path file = basedir.resolve("src/main/qapi").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Path generated(String relative) {
        return basedir.resolve("target/generated-sources/qapi").resolve(relative);
    }

    @Test
    void twoRootSchemasWithClientsInOnePackageAreRefusedByName() throws IOException {
        schema("shop.json", SHOP);
        schema("stock.json", STOCK);
        RecordingLog log = new RecordingLog();

        MojoFailureException e = assertThrows(
                MojoFailureException.class,
                () -> new Mojos(basedir).generate("default", "org.example", log).execute());

        assertTrue(
                e.getMessage().startsWith("qapi: schemas shop.json and stock.json both generate org.example."),
                e.getMessage());
        assertFalse(Files.exists(generated("org/example/Client.java")));
    }

    @Test
    void twoRootSchemasWhoseFilesDifferShareAnExecution() throws Exception {
        schema("colours.json", "{ 'enum': 'Colour', 'data': [ 'red' ] }\n");
        schema("sizes.json", "{ 'enum': 'Size', 'data': [ 'big' ] }\n");
        GenerateMojo mojo = new Mojos(basedir).generate("default", "org.example", new RecordingLog());
        Mojos.set(mojo, "targets", Mojos.list("types"));

        mojo.execute();

        assertTrue(Files.isRegularFile(generated("org/example/Colour.java")));
        assertTrue(Files.isRegularFile(generated("org/example/Size.java")));
    }

    @Test
    void aSecondExecutionIntoTheSamePackageIsRefusedNamingTheFirst() throws Exception {
        schema("shop.json", SHOP);
        schema("stock.json", STOCK);
        Mojos build = new Mojos(basedir);
        GenerateMojo first = build.generate("shop", "org.example", new RecordingLog());
        Mojos.set(first, "schemas", Mojos.list("shop.json"));
        first.execute();
        GenerateMojo second = build.generate("stock", "org.example", new RecordingLog());
        Mojos.set(second, "schemas", Mojos.list("stock.json"));
        Mojos.set(
                second,
                "outputDirectory",
                basedir.resolve("target/generated-sources/stock").toFile());

        MojoFailureException e = assertThrows(MojoFailureException.class, second::execute);

        assertEquals(
                "qapi: execution 'stock' of generate (schema stock.json) generates into package org.example, "
                        + "as execution 'shop' of generate (schema shop.json) does: each would delete or replace the other's "
                        + "files (Client, Server, …); give each execution its own <packageName> and <outputDirectory>",
                e.getMessage());
        assertTrue(Files.isRegularFile(generated("org/example/Client.java")));
    }

    @Test
    void aSecondExecutionIntoTheSameDirectoryIsRefused() throws Exception {
        schema("shop.json", SHOP);
        schema("stock.json", STOCK);
        Mojos build = new Mojos(basedir);
        GenerateMojo first = build.generate("shop", "org.example.shop", new RecordingLog());
        Mojos.set(first, "schemas", Mojos.list("shop.json"));
        first.execute();
        GenerateMojo second = build.generate("stock", "org.example.stock", new RecordingLog());
        Mojos.set(second, "schemas", Mojos.list("stock.json"));

        MojoFailureException e = assertThrows(MojoFailureException.class, second::execute);

        assertTrue(
                e.getMessage()
                        .contains("generates into " + basedir.resolve("target/generated-sources/qapi")
                                + ", as execution 'shop'"),
                e.getMessage());
        assertTrue(Files.isRegularFile(generated("org/example/shop/Client.java")));
    }

    @Test
    void executionsWithTheirOwnPackagesAndDirectoriesOrTheSameSettingsAgainAreFine() throws Exception {
        schema("shop.json", SHOP);
        schema("stock.json", STOCK);
        Mojos build = new Mojos(basedir);
        GenerateMojo shop = build.generate("shop", "org.example.shop", new RecordingLog());
        Mojos.set(shop, "schemas", Mojos.list("shop.json"));
        GenerateMojo stock = build.generate("stock", "org.example.stock", new RecordingLog());
        Mojos.set(stock, "schemas", Mojos.list("stock.json"));
        Mojos.set(
                stock,
                "outputDirectory",
                basedir.resolve("target/generated-sources/stock").toFile());
        GenerateMojo shopFromTheCommandLine = build.generate("default-cli", "org.example.shop", new RecordingLog());
        Mojos.set(shopFromTheCommandLine, "schemas", Mojos.list("shop.json"));

        shop.execute();
        stock.execute();
        shopFromTheCommandLine.execute();

        assertTrue(Files.isRegularFile(generated("org/example/shop/Client.java")));
        assertTrue(
                Files.isRegularFile(basedir.resolve("target/generated-sources/stock/org/example/stock/Client.java")));
    }

    @Test
    void anOldSchemaIsToldAboutLenientDocs() throws IOException, MojoExecutionException {
        schema("old.json", """
                ##
                # @Kettle
                ##
                { 'struct': 'Kettle', 'data': {} }
                """);
        RecordingLog log = new RecordingLog();
        GenerateMojo mojo = new Mojos(basedir).generate("default", "org.example", log);

        assertThrows(MojoFailureException.class, mojo::execute);

        Path file = basedir.resolve("src/main/qapi/old.json");
        assertEquals(
                List.of(
                        file + ":2:1: line should end with ':'",
                        "qapi: note: <lenientDocs>true</lenientDocs> (-Dqapi.lenientDocs) accepts old.json "
                                + "(the documentation conventions of QEMU releases 2.8 to 11.0)"),
                log.at("ERROR"));
        Mojos.set(mojo, "lenientDocs", true);
        try {
            mojo.execute();
        } catch (MojoFailureException e) {
            throw new AssertionError("leniently the schema is valid: " + e.getMessage(), e);
        }
    }

    @Test
    void allErrorsReportsNoErrorThatFollowsFromAnother() throws IOException {
        schema("cmd.json", """
                ##
                # @cmd:
                #
                # @id: the identifier
                ##
                { 'command': 'cmd', 'data': { 'id': 'NoSuchType' } }
                """);
        RecordingLog log = new RecordingLog();
        GenerateMojo mojo = new Mojos(basedir).generate("default", "org.example", log);
        Mojos.set(mojo, "allErrors", true);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        Path file = basedir.resolve("src/main/qapi/cmd.json");
        assertEquals(
                List.of(file + ":6:1: parameter 'id' uses unknown type 'NoSuchType'\n    in command 'cmd'"),
                log.at("ERROR"));
        assertEquals("qapi: 1 error in QAPI schemas (see above)", e.getMessage());
    }
}
