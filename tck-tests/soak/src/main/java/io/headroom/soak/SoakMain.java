package io.headroom.soak;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Entry point of soak.jar: parses the options, runs the soak, exits 0 on PASS, 1 on FAIL, 2 on bad usage. */
public final class SoakMain {
    private SoakMain() {
    }

    public static void main(String[] args) throws Exception {
        SoakOptions options;
        try {
            options = SoakOptions.parse(args, defaultOutDir());
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(SoakOptions.USAGE);
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(options.gatewayJar())) {
            System.err.println("no gateway at " + options.gatewayJar().toAbsolutePath()
                    + ": build it first (./mvnw -B -DskipTests package -pl headroom-quarkus-extension/deployment,sample-app -am)"
                    + " or pass --gateway-jar");
            System.exit(2);
        }
        System.exit(new SoakRun(options).run() ? 0 : 1);
    }

    /** target/ next to soak.jar when run from the jar, else ./target. */
    private static Path defaultOutDir() {
        try {
            Path self = Path.of(SoakMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(self) ? self.getParent() : Path.of("target");
        } catch (URISyntaxException | SecurityException e) {
            return Path.of("target");
        }
    }
}
