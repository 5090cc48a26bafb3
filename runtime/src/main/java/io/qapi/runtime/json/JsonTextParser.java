package io.qapi.runtime.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds the value of one complete message from its tokens, with QEMU's grammar and messages
 * ({@code JSON parse error, expecting value}, {@code missing : in object pair}, …). As in
 * QEMU, only the first error of a message is reported. Integers become int or long nodes,
 * then unsigned 64-bit ones big-integer nodes, and anything larger a double, as QEMU keeps
 * them.
 */
final class JsonTextParser {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    /** QEMU formats parse errors into a 1024-byte buffer. */
    private static final int MAX_MESSAGE = 1023;

    private final List<Token> tokens;
    private int next;

    private JsonTextParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Thrown at the first error; carries QEMU's complete description. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    static JsonNode parse(List<Token> tokens) throws SyntaxError {
        return new JsonTextParser(tokens).value();
    }

    private Token peek() {
        return next < tokens.size() ? tokens.get(next) : null;
    }

    private Token pop() {
        return next < tokens.size() ? tokens.get(next++) : null;
    }

    private static SyntaxError error(String message) {
        String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
        return new SyntaxError("JSON parse error, " + text);
    }

    private JsonNode value() throws SyntaxError {
        Token token = peek();
        if (token == null) {
            throw error("premature EOI");
        }
        switch (token.type()) {
            case LCURLY:
                return object();
            case LSQUARE:
                return array();
            case INTEGER:
                return integer(text(pop()));
            case FLOAT:
                return NODES.numberNode(Double.parseDouble(text(pop())));
            case STRING:
                return NODES.textNode(JsonStrings.decode(pop().text()));
            case KEYWORD:
                return keyword(text(pop()));
            default:
                throw error("expecting value");
        }
    }

    private ObjectNode object() throws SyntaxError {
        pop();
        ObjectNode object = NODES.objectNode();
        Token token = peek();
        if (token == null) {
            throw error("premature EOI");
        }
        if (token.type() == TokenType.RCURLY) {
            pop();
            return object;
        }
        pair(object);
        for (token = popOrFail(); token.type() != TokenType.RCURLY; token = popOrFail()) {
            if (token.type() != TokenType.COMMA) {
                throw error("expected separator in dict");
            }
            pair(object);
        }
        return object;
    }

    private void pair(ObjectNode object) throws SyntaxError {
        if (peek() == null) {
            throw error("premature EOI");
        }
        JsonNode key = value();
        if (!key.isTextual()) {
            throw error("key is not a string in object");
        }
        if (popOrFail().type() != TokenType.COLON) {
            throw error("missing : in object pair");
        }
        JsonNode value = value();
        if (object.has(key.textValue())) {
            throw error("duplicate key");
        }
        object.set(key.textValue(), value);
    }

    private ArrayNode array() throws SyntaxError {
        pop();
        ArrayNode array = NODES.arrayNode();
        Token token = peek();
        if (token == null) {
            throw error("premature EOI");
        }
        if (token.type() == TokenType.RSQUARE) {
            pop();
            return array;
        }
        array.add(value());
        for (token = popOrFail(); token.type() != TokenType.RSQUARE; token = popOrFail()) {
            if (token.type() != TokenType.COMMA) {
                throw error("expected separator in list");
            }
            array.add(value());
        }
        return array;
    }

    private Token popOrFail() throws SyntaxError {
        Token token = pop();
        if (token == null) {
            throw error("premature EOI");
        }
        return token;
    }

    private static JsonNode keyword(String word) throws SyntaxError {
        switch (word) {
            case "true":
                return NODES.booleanNode(true);
            case "false":
                return NODES.booleanNode(false);
            case "null":
                return NODES.nullNode();
            default:
                throw error("invalid keyword '" + word + "'");
        }
    }

    private static JsonNode integer(String text) {
        try {
            long value = Long.parseLong(text);
            return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
        } catch (NumberFormatException tooLarge) {
            // Beyond int64: unsigned 64-bit when positive and in range, else a double.
        }
        if (text.charAt(0) != '-') {
            BigInteger big = new BigInteger(text);
            if (big.compareTo(UINT64_MAX) <= 0) {
                return NODES.numberNode(big);
            }
        }
        return NODES.numberNode(Double.parseDouble(text));
    }

    private static String text(Token token) {
        return new String(token.text(), StandardCharsets.ISO_8859_1);
    }
}
