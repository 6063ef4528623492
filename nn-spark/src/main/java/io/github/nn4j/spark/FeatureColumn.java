package io.github.nn4j.spark;

import io.github.nn4j.api.tensor.DType;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A column of numeric rows, {@code array<float>}, {@code array<double>} or a Spark ML vector (dense or sparse), and
 * how its values become the rows of a tensor of a network's dtype: FLOAT64 exactly, FLOAT32 rounded to the nearest
 * float as {@link io.github.nn4j.api.tensor.Tensor#copyFrom(double[])} does. A null row, a null element or a row of
 * the wrong length is an error naming the column, the row and the problem.
 */
final class FeatureColumn implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How a column stores its values. */
    enum Kind {
        FLOAT_ARRAY, DOUBLE_ARRAY, VECTOR
    }

    private final String name;
    private final int index;
    private final Kind kind;

    private FeatureColumn(String name, int index, Kind kind) {
        this.name = name;
        this.index = index;
        this.kind = kind;
    }

    /**
     * The column {@code name} of {@code schema}.
     *
     * @throws IllegalArgumentException when the column is absent or of an unsupported type
     */
    static FeatureColumn of(StructType schema, String name) {
        if (!List.of(schema.fieldNames()).contains(name)) {
            throw new IllegalArgumentException("no column '" + name + "' in " + schema.simpleString());
        }
        int index = schema.fieldIndex(name);
        StructField field = schema.fields()[index];
        return new FeatureColumn(name, index, kind(field));
    }

    private static Kind kind(StructField field) {
        DataType type = field.dataType();
        if (type instanceof ArrayType array) {
            if (array.elementType().equals(DataTypes.FloatType)) {
                return Kind.FLOAT_ARRAY;
            }
            if (array.elementType().equals(DataTypes.DoubleType)) {
                return Kind.DOUBLE_ARRAY;
            }
        } else if (type.equals(SQLDataTypes.VectorType())) {
            return Kind.VECTOR;
        }
        throw new IllegalArgumentException("column '" + field.name() + "' is " + type.simpleString()
                + "; features and targets must be array<float>, array<double> or a Spark ML vector");
    }

    /** The column's name. */
    String name() {
        return name;
    }

    /** The column's position in the rows it reads. */
    int index() {
        return index;
    }

    /** How the column stores its values. */
    Kind kind() {
        return kind;
    }

    /**
     * The number of values in {@code row}'s cell of this column.
     *
     * @param where describes the row in error messages, e.g. "row 17 of partition 3"
     */
    int width(Row row, String where) {
        Object cell = cell(row, where);
        if (cell instanceof Vector v) {
            return v.size();
        } else if (cell instanceof float[] f) {
            return f.length;
        } else if (cell instanceof double[] d) {
            return d.length;
        }
        return list(row, cell).size();
    }

    /**
     * Copies {@code row}'s values into {@code dst} from {@code offset} on, rounding to float.
     *
     * @param width the number of values the row must have
     */
    void read(Row row, int width, float[] dst, int offset, String where) {
        Object cell = cell(row, where);
        if (cell instanceof Vector v) {
            requireWidth(v.size(), width, where);
            for (int i = 0; i < width; i++) {
                dst[offset + i] = (float) v.apply(i);
            }
        } else if (cell instanceof float[] f) {
            requireWidth(f.length, width, where);
            System.arraycopy(f, 0, dst, offset, width);
        } else if (cell instanceof double[] d) {
            requireWidth(d.length, width, where);
            for (int i = 0; i < width; i++) {
                dst[offset + i] = (float) d[i];
            }
        } else {
            List<?> values = list(row, cell);
            requireWidth(values.size(), width, where);
            int i = 0;
            for (Object value : values) {
                dst[offset + i] = element(value, i, where).floatValue();
                i++;
            }
        }
    }

    /** Copies {@code row}'s values into {@code dst} from {@code offset} on. */
    void read(Row row, int width, double[] dst, int offset, String where) {
        Object cell = cell(row, where);
        if (cell instanceof Vector v) {
            requireWidth(v.size(), width, where);
            for (int i = 0; i < width; i++) {
                dst[offset + i] = v.apply(i);
            }
        } else if (cell instanceof float[] f) {
            requireWidth(f.length, width, where);
            for (int i = 0; i < width; i++) {
                dst[offset + i] = f[i];
            }
        } else if (cell instanceof double[] d) {
            requireWidth(d.length, width, where);
            System.arraycopy(d, 0, dst, offset, width);
        } else {
            List<?> values = list(row, cell);
            requireWidth(values.size(), width, where);
            int i = 0;
            for (Object value : values) {
                dst[offset + i] = element(value, i, where).doubleValue();
                i++;
            }
        }
    }

    /** {@code row}'s values as a new array of {@code dtype}: {@code float[]} or {@code double[]}. */
    Object values(Row row, int width, DType dtype, String where) {
        if (dtype == DType.FLOAT32) {
            float[] out = new float[width];
            read(row, width, out, 0, where);
            return out;
        }
        double[] out = new double[width];
        read(row, width, out, 0, where);
        return out;
    }

    private Object cell(Row row, String where) {
        if (row.isNullAt(index)) {
            throw new IllegalArgumentException("column '" + name + "' of " + where + " is null");
        }
        return row.get(index);
    }

    /**
     * An array cell as a list: Spark hands rows it decoded with a Scala sequence ({@link Row#getList} wraps it, in
     * any Scala version), and rows of a DataFrame made from an RDD of rows with whatever the caller put there (a Java
     * list or an array).
     */
    private List<?> list(Row row, Object cell) {
        if (cell instanceof List<?> list) {
            return list;
        } else if (cell instanceof Object[] array) {
            return Arrays.asList(array);
        }
        return row.getList(index);
    }

    private void requireWidth(int actual, int expected, String where) {
        if (actual != expected) {
            throw new IllegalArgumentException("column '" + name + "' of " + where + " has " + actual
                    + " values, but the partition's first row has " + expected);
        }
    }

    private Number element(Object value, int position, String where) {
        if (value == null) {
            throw new IllegalArgumentException("column '" + name + "' of " + where + " has a null at position "
                    + position);
        }
        return (Number) value;
    }
}
