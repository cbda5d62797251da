package io.headroom.imagerouter;

import io.headroom.imagerouter.QuestionSetGenerator.Labelled;
import io.headroom.internal.image.ImageQueryRouter;
import io.headroom.internal.image.route.QueryFeatures;
import io.headroom.internal.image.route.SoftmaxQueryModel;
import io.headroom.internal.image.route.TrainedQueryRouter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Trains the image query router on the training split of the committed question set and writes the weights the
 * core ships; prints the held-out accuracy of the classifier alone and of the router (classifier plus rules).
 *
 * <p>Run from the repository root (see src-docs/image-routing.md):
 * <pre>
 * ./mvnw -B -q compile -pl tck-tests/image-router -am
 * java -cp tck-tests/image-router/target/classes:headroom-filter/headroom-core/target/classes \
 *   io.headroom.imagerouter.TrainQueryRouter \
 *   headroom-filter/headroom-core/src/main/resources/io/headroom/internal/image/route/query-router-weights.bin
 * </pre>
 */
public final class TrainQueryRouter {
    private TrainQueryRouter() {
    }

    public static SoftmaxQueryModel trainShipped() throws IOException {
        return SoftmaxTrainer.train(QuestionSet.train(QuestionSet.shipped()), QueryFeatures.DEFAULT_BUCKETS);
    }

    /** Share of the questions whose technique the router gets right. */
    public static double accuracy(ImageQueryRouter router, List<Labelled> questions) {
        long right = questions.stream().filter(q -> router.route(q.question()).technique() == q.technique()).count();
        return (double) right / questions.size();
    }

    public static double accuracy(SoftmaxQueryModel model, List<Labelled> questions) {
        long right = questions.stream().filter(q -> model.predict(q.question()).technique() == q.technique()).count();
        return (double) right / questions.size();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: TrainQueryRouter <weights output file>");
            System.exit(2);
        }
        List<Labelled> all = QuestionSet.shipped();
        SoftmaxQueryModel model = trainShipped();
        Path out = Path.of(args[0]);
        try (OutputStream stream = Files.newOutputStream(out)) {
            model.write(stream);
        }
        List<Labelled> heldOut = QuestionSet.heldOut(all);
        TrainedQueryRouter router = new TrainedQueryRouter(Optional.of(model), TrainedQueryRouter.DEFAULT_MIN_CONFIDENCE);
        System.out.printf("questions: %d (train %d, held out %d)%n", all.size(), all.size() - heldOut.size(),
                heldOut.size());
        System.out.printf("train accuracy (classifier): %.1f%%%n", 100 * accuracy(model, QuestionSet.train(all)));
        System.out.printf("held-out accuracy (classifier): %.1f%%%n", 100 * accuracy(model, heldOut));
        System.out.printf("held-out accuracy (router: classifier + rules): %.1f%%%n", 100 * accuracy(router, heldOut));
        System.out.printf("held-out accuracy (rules alone, no weights): %.1f%%%n", 100 * accuracy(
                new TrainedQueryRouter(Optional.empty(), TrainedQueryRouter.DEFAULT_MIN_CONFIDENCE), heldOut));
        for (Labelled q : heldOut) {
            var routed = router.route(q.question());
            if (routed.technique() != q.technique()) {
                System.out.printf("  missed: %s -> %s (%.2f): %s%n", q.technique(), routed.technique(),
                        routed.confidence(), q.question());
            }
        }
        System.out.printf("wrote %s (%d bytes)%n", out, Files.size(out));
    }
}
