package io.headroom.imagerouter;

import io.headroom.imagerouter.QuestionSetGenerator.Labelled;
import io.headroom.internal.image.ImageTechnique;
import io.headroom.internal.image.route.QueryFeatures;
import io.headroom.internal.image.route.SoftmaxQueryModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression trained by stochastic gradient descent with L2 regularisation, over the same
 * {@link QueryFeatures} the router uses at run time. Deterministic: a fixed seed orders the examples, and Java's
 * float arithmetic is the same on every JVM (strict since Java 17), so the same data gives the same bytes.
 */
public final class SoftmaxTrainer {
    public static final long SEED = 19;
    static final int EPOCHS = 60;
    static final double LEARNING_RATE = 0.5;
    static final double L2 = 1e-5;

    private static final ImageTechnique[] CLASSES = ImageTechnique.values();

    private SoftmaxTrainer() {
    }

    public static SoftmaxQueryModel train(List<Labelled> examples, int buckets) {
        QueryFeatures features = new QueryFeatures(buckets);
        List<QueryFeatures.SparseVector> vectors = new ArrayList<>();
        for (Labelled example : examples) {
            vectors.add(features.vectorOf(example.question()));
        }
        float[][] weights = new float[CLASSES.length][buckets];
        float[] bias = new float[CLASSES.length];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        Random random = new Random(SEED);
        double[] p = new double[CLASSES.length];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            double rate = LEARNING_RATE / (1 + epoch * 0.1);
            for (int i : order) {
                QueryFeatures.SparseVector x = vectors.get(i);
                int label = examples.get(i).technique().ordinal();
                probabilities(weights, bias, x, p);
                for (int c = 0; c < CLASSES.length; c++) {
                    double gradient = p[c] - (c == label ? 1 : 0);
                    bias[c] -= (float) (rate * gradient);
                    for (int k = 0; k < x.indices().length; k++) {
                        int j = x.indices()[k];
                        weights[c][j] -= (float) (rate * (gradient * x.values()[k] + L2 * weights[c][j]));
                    }
                }
            }
        }
        return new SoftmaxQueryModel(features, CLASSES, bias, weights);
    }

    private static void probabilities(float[][] weights, float[] bias, QueryFeatures.SparseVector x, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < p.length; c++) {
            double z = bias[c];
            for (int k = 0; k < x.indices().length; k++) {
                z += weights[c][x.indices()[k]] * x.values()[k];
            }
            p[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
    }
}
