package io.github.nn4j.benchmarks.tools;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The entry point of the developer tools: quick measurements for exploring a question (which OpenBLAS core type,
 * which thread count, where ND4J's dispatch cost crosses a Java loop), printed to the console. They are not the
 * project's numbers: those come from the JMH benchmarks ({@code nn-benchmarks/run.sh}). Run from the project root,
 * after building the benchmarks jar ({@code nn-benchmarks/run.sh} builds it, or
 * {@code mvn -pl nn-benchmarks -am package -DskipTests}):
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -XX:PerMethodTrapLimit=10000 -cp nn-benchmarks/target/benchmarks.jar \
 *     io.github.nn4j.benchmarks.tools.Tool TOOL [OPTIONS]
 * </pre>
 *
 * <p>Tools (each prints its options with {@code --help}): {@code gemm-rate} ({@link GemmRate}), {@code epoch-time}
 * ({@link EpochTime}), {@code xor-dispatch} ({@link XorDispatch}), {@code host-policy} ({@link HostPolicyCrossover}).
 */
public final class Tool {
    private static final Map<String, Consumer<Options>> TOOLS = new LinkedHashMap<>();

    static {
        TOOLS.put("gemm-rate", GemmRate::run);
        TOOLS.put("epoch-time", EpochTime::run);
        TOOLS.put("xor-dispatch", XorDispatch::run);
        TOOLS.put("host-policy", HostPolicyCrossover::run);
    }

    private Tool() {
    }

    /** {@code args[0]} names the tool, the rest are its options ({@code --name value}). */
    public static void main(String[] args) {
        if (args.length == 0 || !TOOLS.containsKey(args[0])) {
            System.err.println("usage: Tool " + String.join("|", TOOLS.keySet()) + " [--help | options]"
                    + (args.length == 0 ? "" : "\nunknown tool '" + args[0] + "'"));
            System.exit(2);
        }
        try {
            TOOLS.get(args[0]).accept(Options.parse(Arrays.copyOfRange(args, 1, args.length)));
        } catch (IllegalArgumentException e) {
            System.err.println(args[0] + ": " + e.getMessage());
            System.exit(2);
        }
    }
}
