package io.github.nn4j.api.persist;

import io.github.nn4j.api.tensor.Shape;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One parameter a {@link LayerType} expects for a configuration: its role within the layer and its shape. In a
 * model file, parameter {@code role} of layer {@code i} is the tensor {@code layers.<i>.<role>}.
 *
 * @param role  letters, digits, {@code _} and {@code -}, in dot-separated parts (e.g. {@code weight},
 *              {@code bias}; a nested network's {@code layers.0.weight})
 * @param shape the parameter's shape
 */
public record ParameterSpec(String role, Shape shape) {
    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    /**
     * Checks the role's form.
     *
     * @param role letters, digits, {@code _} and {@code -}, in dot-separated parts (e.g. {@code weight}, {@code bias};
     *     a nested network's {@code layers.0.weight})
     * @param shape the parameter's shape
     */
    public ParameterSpec {
        Objects.requireNonNull(shape, "shape");
        if (role == null || !ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("parameter role '" + role
                    + "' must be letters, digits, '_' or '-' in dot-separated parts");
        }
    }
}
