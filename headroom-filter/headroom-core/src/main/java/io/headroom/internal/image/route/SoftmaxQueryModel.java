package io.headroom.internal.image.route;

import io.headroom.internal.image.ImageTechnique;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * A linear softmax classifier over {@link QueryFeatures}: one weight row per technique plus a bias. Immutable and
 * thread-safe; scoring a question reads a few dozen weights, so it takes microseconds.
 *
 * <p>File format (big-endian): magic {@code HRQR}, version 1, buckets, class count, each class's technique name,
 * the biases, then the weight rows, all floats.
 */
public final class SoftmaxQueryModel {
    /** The weights trained by the project (tck-tests/image-router), on the class path next to this class. */
    public static final String RESOURCE = "query-router-weights.bin";
    private static final int MAGIC = 0x48525152; // "HRQR"
    private static final int VERSION = 1;

    private final QueryFeatures features;
    private final ImageTechnique[] classes;
    private final float[] bias;
    private final float[][] weights;

    public SoftmaxQueryModel(QueryFeatures features, ImageTechnique[] classes, float[] bias, float[][] weights) {
        if (classes.length < 2 || bias.length != classes.length || weights.length != classes.length) {
            throw new IllegalArgumentException("one bias and one weight row per class");
        }
        for (float[] row : weights) {
            if (row.length != features.buckets()) {
                throw new IllegalArgumentException("weight row of " + row.length + ", expected " + features.buckets());
            }
        }
        this.features = features;
        this.classes = classes.clone();
        this.bias = bias.clone();
        this.weights = weights;
    }

    /** The shipped model, or empty when its resource is missing or unreadable (the router then uses its rules). */
    public static Optional<SoftmaxQueryModel> shipped() {
        try (InputStream in = SoftmaxQueryModel.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(read(in));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static SoftmaxQueryModel read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a query router model (magic/version)");
        }
        int buckets = in.readInt();
        int classCount = in.readInt();
        if (classCount < 2 || classCount > ImageTechnique.values().length || buckets > (1 << 20)) {
            throw new IOException("implausible model shape: " + classCount + " classes, " + buckets + " buckets");
        }
        ImageTechnique[] classes = new ImageTechnique[classCount];
        for (int c = 0; c < classCount; c++) {
            classes[c] = ImageTechnique.valueOf(in.readUTF());
        }
        float[] bias = new float[classCount];
        for (int c = 0; c < classCount; c++) {
            bias[c] = in.readFloat();
        }
        float[][] weights = new float[classCount][buckets];
        for (float[] row : weights) {
            for (int i = 0; i < buckets; i++) {
                row[i] = in.readFloat();
            }
        }
        return new SoftmaxQueryModel(new QueryFeatures(buckets), classes, bias, weights);
    }

    public void write(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(features.buckets());
        out.writeInt(classes.length);
        for (ImageTechnique technique : classes) {
            out.writeUTF(technique.name());
        }
        for (float b : bias) {
            out.writeFloat(b);
        }
        for (float[] row : weights) {
            for (float w : row) {
                out.writeFloat(w);
            }
        }
        out.flush();
    }

    public QueryFeatures features() {
        return features;
    }

    /** The class probabilities of the question, in the order of {@link #classes()}. */
    public double[] probabilities(String question) {
        QueryFeatures.SparseVector x = features.vectorOf(question);
        double[] logits = new double[classes.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes.length; c++) {
            double z = bias[c];
            for (int i = 0; i < x.indices().length; i++) {
                z += weights[c][x.indices()[i]] * x.values()[i];
            }
            logits[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
            logits[c] = Math.exp(logits[c] - max);
            sum += logits[c];
        }
        for (int c = 0; c < logits.length; c++) {
            logits[c] /= sum;
        }
        return logits;
    }

    /** The most probable technique and its probability. */
    public Prediction predict(String question) {
        double[] p = probabilities(question);
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return new Prediction(classes[best], p[best]);
    }

    public ImageTechnique[] classes() {
        return classes.clone();
    }

    public record Prediction(ImageTechnique technique, double confidence) {
    }
}
