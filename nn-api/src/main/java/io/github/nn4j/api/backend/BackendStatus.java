package io.github.nn4j.api.backend;

/**
 * What {@link Backends#describe()} reports about one discovered provider. Immutable.
 *
 * @param name      the provider's selection name (or its class name if it could not even be instantiated)
 * @param priority  its priority ({@link Integer#MIN_VALUE} if unknown)
 * @param available whether its probe succeeded
 * @param reason    "available", or why not
 * @param selected  whether it is the backend {@link Backends#get()} returns
 */
public record BackendStatus(String name, int priority, boolean available, String reason, boolean selected) {
}
