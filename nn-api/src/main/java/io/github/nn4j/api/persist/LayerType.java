package io.github.nn4j.api.persist;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Layer;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Tensor;
import java.util.List;

/**
 * Service-provider interface through which a kind of {@link Layer} takes part in model files: it names itself,
 * describes a layer's configuration, and rebuilds the layer from that configuration and its parameters. The
 * standard layers ({@code Dense}, {@code ReLU}, {@code Sigmoid}, {@code Tanh}, {@code ActivationLayer}) register
 * this way, and so does any third-party layer: implement this interface in a public class with a public
 * no-argument constructor and list the class in
 * {@code META-INF/services/io.github.nn4j.api.persist.LayerType} of its jar, as backends do for
 * {@code BackendProvider}. A file naming a type that no registered {@code LayerType} has cannot be loaded; the
 * error says which type and how to register it.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #name()} is unique across everything registered (a duplicate is an error at discovery) and never
 *       changes once files exist: it is what files store. Third parties should qualify it
 *       ({@code "com.example.Gated"}).</li>
 *   <li>{@link #layerClass()} is the exact class served: saving looks the type up by the layer's class, so a
 *       subclass needs its own type.</li>
 *   <li>{@link #parameters(Config)} must give, without allocating tensors, the roles and shapes of the layer's
 *       {@link Layer#parameters()}, in that order. The loader checks a file's tensors against it before reading
 *       any data, which is what keeps a hostile configuration from allocating more than the file holds; it also
 *       validates the configuration: throw {@link IllegalArgumentException} naming the problem.</li>
 *   <li>{@link #create} builds the layer around the given tensors (filled from the file, shapes as specified,
 *       on {@code backend}, of {@code dtype}), taking ownership of them.</li>
 * </ul>
 * Implementations are stateless and thread-safe.
 *
 * @param <L> the layer class
 */
public interface LayerType<L extends Layer> {

    /** {@return the type name stored in files, e.g. {@code "Dense"}} */
    String name();

    /** {@return the exact class of the layers this type saves} */
    Class<L> layerClass();

    /**
     * {@return the configuration that, with the parameters, rebuilds {@code layer}}
     *
     * @param layer a layer of {@link #layerClass()}
     */
    Config config(L layer);

    /**
     * {@return the roles and shapes of the parameters of a layer with {@code config}, in {@link Layer#parameters()}
     * order; empty for a layer without parameters}
     *
     * @param config the layer's configuration
     * @throws IllegalArgumentException when {@code config} is not a valid configuration of this type
     */
    List<ParameterSpec> parameters(Config config);

    /**
     * {@return a layer with {@code config} and these parameter values, in {@link #parameters(Config)} order; the layer
     * takes ownership of the tensors}
     *
     * @param config the layer's configuration
     * @param backend the backend of the parameters
     * @param dtype the element type of the parameters
     * @param parameters the parameter values, of the shapes {@link #parameters(Config)} gives; the layer owns them
     * @throws IllegalArgumentException when {@code config} is not a valid configuration of this type
     */
    L create(Config config, Backend backend, DType dtype, List<Tensor> parameters);
}
