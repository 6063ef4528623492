package io.github.nn4j.api.persist;

/** Malformed or over-limit JSON, with the character offset where {@link JsonParser} stopped. */
final class JsonSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int offset;

    JsonSyntaxException(String problem, int offset) {
        super(problem + " at character " + offset);
        this.offset = offset;
    }

    /** Character offset in the parsed text. */
    int offset() {
        return offset;
    }
}
