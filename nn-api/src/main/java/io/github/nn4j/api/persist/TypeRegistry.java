package io.github.nn4j.api.persist;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The {@link LayerType}s, {@link OptimizerType}s and {@link ScheduleType}s found with {@link ServiceLoader}, by name and by the class they
 * serve. Discovered once per JVM with the context class loader of the first caller (falling back to this class's
 * loader), as backends are. Two registrations of one name or one class are a deployment error, reported when the
 * registry is first used. Thread-safe.
 */
final class TypeRegistry {
    private static volatile TypeRegistry instance;

    private final Map<String, LayerType<?>> layersByName;
    private final Map<Class<?>, LayerType<?>> layersByClass;
    private final Map<String, OptimizerType<?>> optimizersByName;
    private final Map<Class<?>, OptimizerType<?>> optimizersByClass;
    private final Map<String, ScheduleType<?>> schedulesByName;
    private final Map<Class<?>, ScheduleType<?>> schedulesByClass;

    private TypeRegistry(ClassLoader loader) {
        Map<String, LayerType<?>> ln = new TreeMap<>();
        Map<Class<?>, LayerType<?>> lc = new HashMap<>();
        for (LayerType<?> t : ServiceLoader.load(LayerType.class, loader)) {
            register(ln, t.name(), t, "layer type");
            register(lc, t.layerClass(), t, "layer class");
        }
        Map<String, OptimizerType<?>> on = new TreeMap<>();
        Map<Class<?>, OptimizerType<?>> oc = new HashMap<>();
        for (OptimizerType<?> t : ServiceLoader.load(OptimizerType.class, loader)) {
            register(on, t.name(), t, "optimizer type");
            register(oc, t.optimizerClass(), t, "optimizer class");
        }
        Map<String, ScheduleType<?>> sn = new TreeMap<>();
        Map<Class<?>, ScheduleType<?>> sc = new HashMap<>();
        for (ScheduleType<?> t : ServiceLoader.load(ScheduleType.class, loader)) {
            register(sn, t.name(), t, "schedule type");
            register(sc, t.scheduleClass(), t, "schedule class");
        }
        this.layersByName = Collections.unmodifiableMap(ln);
        this.layersByClass = lc;
        this.optimizersByName = Collections.unmodifiableMap(on);
        this.optimizersByClass = oc;
        this.schedulesByName = Collections.unmodifiableMap(sn);
        this.schedulesByClass = sc;
    }

    private static <K, V> void register(Map<K, V> map, K key, V value, String what) {
        V old = map.putIfAbsent(key, value);
        if (old != null) {
            throw new IllegalStateException("two registrations of the " + what + " " + key + ": "
                    + old.getClass().getName() + " and " + value.getClass().getName()
                    + " (check META-INF/services on the classpath)");
        }
    }

    /** The registry of this JVM. */
    static TypeRegistry get() {
        TypeRegistry r = instance;
        if (r == null) {
            synchronized (TypeRegistry.class) {
                r = instance;
                if (r == null) {
                    ClassLoader cl = Thread.currentThread().getContextClassLoader();
                    r = new TypeRegistry(cl != null ? cl : TypeRegistry.class.getClassLoader());
                    instance = r;
                }
            }
        }
        return r;
    }

    /** The layer type named {@code name}, or {@code null}. */
    LayerType<?> layerType(String name) {
        return layersByName.get(name);
    }

    /** The layer type for layers of exactly this class, or {@code null}. */
    LayerType<?> layerTypeFor(Class<?> layerClass) {
        return layersByClass.get(layerClass);
    }

    /** The optimizer type named {@code name}, or {@code null}. */
    OptimizerType<?> optimizerType(String name) {
        return optimizersByName.get(name);
    }

    /** The optimizer type for optimizers of exactly this class, or {@code null}. */
    OptimizerType<?> optimizerTypeFor(Class<?> optimizerClass) {
        return optimizersByClass.get(optimizerClass);
    }

    /** The schedule type named {@code name}, or {@code null}. */
    ScheduleType<?> scheduleType(String name) {
        return schedulesByName.get(name);
    }

    /** The schedule type for schedules of exactly this class, or {@code null}. */
    ScheduleType<?> scheduleTypeFor(Class<?> scheduleClass) {
        return schedulesByClass.get(scheduleClass);
    }

    /** The registered schedule type names, sorted. */
    java.util.Set<String> scheduleTypeNames() {
        return schedulesByName.keySet();
    }

    /** The registered layer type names, sorted. */
    java.util.Set<String> layerTypeNames() {
        return layersByName.keySet();
    }

    /** The registered optimizer type names, sorted. */
    java.util.Set<String> optimizerTypeNames() {
        return optimizersByName.keySet();
    }
}
