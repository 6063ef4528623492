package io.github.nn4j.api.persist;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser (RFC 8259) for the headers of model files, which may come from anyone: it accepts exactly
 * the JSON grammar, rejects duplicate object keys, and bounds its work so that no input can exhaust the stack or
 * the heap: nesting is limited to {@value #MAX_DEPTH} levels, the number of values to {@value #MAX_VALUES} (so
 * that a text of many tiny objects cannot build a tree many times its own size) and number tokens to
 * {@value #MAX_NUMBER_LENGTH} characters. The text's length is bounded by the caller (the header limit); time is
 * linear in it.
 *
 * <p>Values map to Java as: object → unmodifiable {@code Map<String, Object>} in document order; array →
 * unmodifiable {@code List<Object>}; string → {@code String}; integer (no fraction or exponent) → {@code Long};
 * other numbers → finite {@code Double}; {@code true}/{@code false} → {@code Boolean}; {@code null} →
 * {@link #NULL}.
 */
final class JsonParser {
    /** Deepest nesting of arrays and objects accepted; nn4j's own headers use 5. */
    static final int MAX_DEPTH = 64;
    /**
     * Most values (of any kind, nested ones included) accepted in one text: a safetensors header needs about
     * ten per tensor, so this admits headers of 100,000 tensors, while the parsed tree stays within about
     * 100 MB even when every value is an empty object.
     */
    static final int MAX_VALUES = 1_000_000;
    /** Longest number token accepted: far more than the 24 characters any double or long needs. */
    static final int MAX_NUMBER_LENGTH = 100;
    /** The JSON {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private final String text;
    private int pos;
    private int values;

    private JsonParser(String text) {
        this.text = text;
    }

    /** Parses {@code text}, which must hold exactly one JSON value (surrounded by optional whitespace). */
    static Object parse(String text) throws JsonSyntaxException {
        JsonParser p = new JsonParser(text);
        p.skipWhitespace();
        Object value = p.value(0);
        p.skipWhitespace();
        if (p.pos != text.length()) {
            throw p.error("unexpected " + p.describe(p.pos) + " after the JSON value");
        }
        return value;
    }

    private Object value(int depth) throws JsonSyntaxException {
        if (++values > MAX_VALUES) {
            throw error("more than " + MAX_VALUES + " values");
        }
        if (pos >= text.length()) {
            throw error("unexpected end of text, expected a value");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected " + describe(pos) + ", expected a value");
        }
    }

    private Map<String, Object> object(int depth) throws JsonSyntaxException {
        requireDepth(depth);
        pos++; // '{'
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return Collections.unmodifiableMap(map);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("unexpected " + describe(pos) + ", expected a string key");
            }
            int keyStart = pos;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object v = value(depth);
            if (map.putIfAbsent(key, v) != null) {
                throw new JsonSyntaxException("duplicate key \"" + abbreviate(key) + "\"", keyStart);
            }
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                pos++;
                return Collections.unmodifiableMap(map);
            } else {
                throw error("unexpected " + describe(pos) + ", expected ',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) throws JsonSyntaxException {
        requireDepth(depth);
        pos++; // '['
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            skipWhitespace();
            list.add(value(depth));
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                return Collections.unmodifiableList(list);
            } else {
                throw error("unexpected " + describe(pos) + ", expected ',' or ']'");
            }
        }
    }

    private String string() throws JsonSyntaxException {
        int start = pos;
        pos++; // opening quote
        StringBuilder sb = null;
        int runStart = pos;
        while (true) {
            if (pos >= text.length()) {
                throw new JsonSyntaxException("unterminated string", start);
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String s = sb == null ? text.substring(runStart, pos) : sb.append(text, runStart, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw error("control character U+" + String.format("%04X", (int) c) + " inside a string");
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(text, runStart, pos);
            pos++;
            if (pos >= text.length()) {
                throw new JsonSyntaxException("unterminated string", start);
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"': sb.append('"'); break;
                case '\\': sb.append('\\'); break;
                case '/': sb.append('/'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'u': sb.append(unicodeEscape()); break;
                default:
                    pos--;
                    throw error("invalid escape \\" + describeChar(e));
            }
            runStart = pos;
        }
    }

    private char unicodeEscape() throws JsonSyntaxException {
        if (pos + 4 > text.length()) {
            throw error("incomplete \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0 || text.charAt(pos + i) > 'f') {
                throw error("invalid hex digit in \\u escape");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private Object number() throws JsonSyntaxException {
        int start = pos;
        boolean integer = true;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("a number needs a digit after '-'");
        }
        if (peek() == '.') {
            integer = false;
            pos++;
            if (!isDigit(peek())) {
                throw error("a number needs a digit after '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integer = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("a number needs a digit in its exponent");
            }
            digits();
        }
        if (pos - start > MAX_NUMBER_LENGTH) {
            throw new JsonSyntaxException("number longer than " + MAX_NUMBER_LENGTH + " characters", start);
        }
        String token = text.substring(start, pos);
        if (integer) {
            try {
                return Long.parseLong(token);
            } catch (NumberFormatException e) {
                throw new JsonSyntaxException("integer " + token + " is outside the 64-bit range", start);
            }
        }
        double d = Double.parseDouble(token);
        if (Double.isInfinite(d)) {
            throw new JsonSyntaxException("number " + token + " is outside the double range", start);
        }
        return d;
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) throws JsonSyntaxException {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected " + describe(pos) + ", expected a value");
        }
        pos += word.length();
        return value;
    }

    private void requireDepth(int depth) throws JsonSyntaxException {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void expect(char c) throws JsonSyntaxException {
        if (peek() != c) {
            throw error("unexpected " + describe(pos) + ", expected '" + c + "'");
        }
        pos++;
    }

    /** The current character, or U+0000 at the end (never valid where a token is expected). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private String describe(int at) {
        return at >= text.length() ? "end of text" : "character " + describeChar(text.charAt(at));
    }

    private static String describeChar(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : "U+" + String.format("%04X", (int) c);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private JsonSyntaxException error(String problem) {
        return new JsonSyntaxException(problem, pos);
    }
}
