package io.qapi.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one command and completes with the value of its {@code return}, or exceptionally with
 * a {@link io.qapi.runtime.api.QmpError} for an error reply. Generated clients are built on it; a
 * QMP connection implements it.
 */
@FunctionalInterface
public interface QmpCaller {

    /**
     * Sends the command; the future completes as the type's Javadoc says.
     *
     * @param command   the command's name
     * @param arguments its arguments, or {@code null} for none
     */
    CompletableFuture<JsonNode> call(String command, ObjectNode arguments);
}
