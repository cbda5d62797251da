package io.headroom.fidelity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * XML and YAML tool outputs shaped like what agents get, generated from a fixed seed: a JUnit XML report with one
 * failing test among 600, a SOAP answer of 400 account records holding the answer to the user's question, the
 * {@code kubectl get pods -o yaml} of 300 pods with one in CrashLoopBackOff, and a {@code helm template} stream
 * of 320 documents with one Deployment running a privileged container.
 */
final class StructuredCases {
    private StructuredCases() {
    }

    static List<FidelityCase> xml() {
        return List.of(junitReport(new Random(1601)), soapAccounts(new Random(1602)));
    }

    static List<FidelityCase> yaml() {
        return List.of(kubectlPods(new Random(1603)), helmStream(new Random(1604)));
    }

    static FidelityCase junitReport(Random random) {
        int n = 600;
        int failing = 100 + random.nextInt(400);
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" name=\"com.acme.orders.OrderServiceTest\" ")
                .append("time=\"41.207\" tests=\"600\" errors=\"0\" skipped=\"0\" failures=\"1\">\n");
        b.append("  <properties>\n    <property name=\"java.version\" value=\"17.0.15\"/>\n")
                .append("    <property name=\"surefire.version\" value=\"3.5.4\"/>\n  </properties>\n");
        String[] verbs = {"creates", "updates", "cancels", "lists", "prices", "ships", "refunds", "validates"};
        String[] objects = {"Order", "LineItem", "Discount", "Invoice", "Shipment", "Customer", "Coupon", "TaxRate"};
        for (int i = 0; i < n; i++) {
            String name = i == failing ? "refundIsRejectedAfterSettlement"
                    : verbs[random.nextInt(verbs.length)] + objects[random.nextInt(objects.length)] + "Case" + i;
            String time = String.format(Locale.ROOT, "%.3f", 0.01 + random.nextDouble() * 0.09);
            b.append("  <testcase name=\"").append(name).append("\" classname=\"com.acme.orders.OrderServiceTest\" time=\"")
                    .append(time).append('"');
            if (i == failing) {
                b.append(">\n    <failure message=\"expected: &lt;409&gt; but was: &lt;500&gt;\" type=\"org.opentest4j.AssertionFailedError\">")
                        .append("org.opentest4j.AssertionFailedError: expected: &lt;409&gt; but was: &lt;500&gt;\n")
                        .append("\tat com.acme.orders.OrderServiceTest.refundIsRejectedAfterSettlement(OrderServiceTest.java:812)\n")
                        .append("</failure>\n  </testcase>\n");
            } else {
                b.append("/>\n");
            }
        }
        b.append("  <system-out><![CDATA[Started OrderServiceTest in 3.2 seconds]]></system-out>\n</testsuite>\n");
        return new FidelityCase("junit_600_one_failure", "xml", "read_file", b.toString(), "Which test failed and why?",
                List.of("refundIsRejectedAfterSettlement", "expected: &lt;409&gt; but was: &lt;500&gt;", "OrderServiceTest.java:812"),
                0.7);
    }

    static FidelityCase soapAccounts(Random random) {
        int n = 400;
        int answer = 50 + random.nextInt(300);
        String[] owners = {"Jansen", "Okafor", "Silva", "Novak", "Tanaka", "Moreau", "Ivanova", "Haddad"};
        String[] branches = {"AMS-01", "AMS-02", "RTM-01", "UTR-03"};
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">\n  <soap:Body>\n")
                .append("    <ns2:listAccountsResponse xmlns:ns2=\"http://bank.example.com/accounts/v3\">\n")
                .append("      <ns2:requestId>7f3c2a10-3f1e-4d55-9c1b-21e8a0c6b001</ns2:requestId>\n");
        for (int i = 0; i < n; i++) {
            String id = i == answer ? "ACC-20417" : "ACC-" + (30000 + i * 7);
            String balance = i == answer ? "18234.77" : String.format(Locale.ROOT, "%.2f", 500 + random.nextDouble() * 4000);
            b.append("      <ns2:account>\n")
                    .append("        <ns2:id>").append(id).append("</ns2:id>\n")
                    .append("        <ns2:owner>").append(owners[random.nextInt(owners.length)]).append("</ns2:owner>\n")
                    .append("        <ns2:branch>").append(branches[random.nextInt(branches.length)]).append("</ns2:branch>\n")
                    .append("        <ns2:currency>EUR</ns2:currency>\n")
                    .append("        <ns2:balance>").append(balance).append("</ns2:balance>\n")
                    .append("        <ns2:status>ACTIVE</ns2:status>\n")
                    .append("      </ns2:account>\n");
        }
        b.append("    </ns2:listAccountsResponse>\n  </soap:Body>\n</soap:Envelope>\n");
        return new FidelityCase("soap_400_accounts", "xml", "bank_list_accounts", b.toString(),
                "What is the balance of account ACC-20417?", List.of("<ns2:id>ACC-20417</ns2:id>", "18234.77"), 0.7);
    }

    static FidelityCase kubectlPods(Random random) {
        int n = 300;
        int crashing = 30 + random.nextInt(240);
        String[] apps = {"checkout", "catalog", "search", "payments", "inventory", "gateway"};
        StringBuilder b = new StringBuilder("apiVersion: v1\nitems:\n");
        String crashingName = null;
        for (int i = 0; i < n; i++) {
            String app = apps[random.nextInt(apps.length)];
            String name = app + "-" + Integer.toHexString(0x5c000 + random.nextInt(0xfff)) + "-" + (char) ('a' + random.nextInt(26))
                    + (char) ('a' + random.nextInt(26)) + random.nextInt(10) + (char) ('a' + random.nextInt(26));
            boolean crash = i == crashing;
            if (crash) crashingName = name;
            b.append("- apiVersion: v1\n  kind: Pod\n  metadata:\n")
                    .append("    creationTimestamp: \"2026-11-").append(10 + random.nextInt(18)).append("T0")
                    .append(random.nextInt(10)).append(":1").append(random.nextInt(10)).append(":0").append(random.nextInt(10)).append("Z\"\n")
                    .append("    labels:\n      app: ").append(app).append("\n      pod-template-hash: 7d9f8b6c5\n")
                    .append("    name: ").append(name).append("\n    namespace: shop\n")
                    .append("  spec:\n    containers:\n    - image: registry.example.com/").append(app).append(":1.")
                    .append(4 + random.nextInt(3)).append(".0\n      name: ").append(app).append("\n")
                    .append("      ports:\n      - containerPort: 8080\n        protocol: TCP\n")
                    .append("      resources:\n        limits:\n          memory: 512Mi\n        requests:\n          cpu: 100m\n")
                    .append("    nodeName: node-").append(random.nextInt(12)).append("\n")
                    .append("  status:\n    containerStatuses:\n    - name: ").append(app).append("\n")
                    .append("      ready: ").append(!crash).append("\n")
                    .append("      restartCount: ").append(crash ? 57 : random.nextInt(2)).append('\n');
            if (crash) {
                b.append("      state:\n        waiting:\n")
                        .append("          message: back-off 5m0s restarting failed container=").append(app).append(" pod=").append(name).append('\n')
                        .append("          reason: CrashLoopBackOff\n");
            } else {
                b.append("      state:\n        running:\n          startedAt: \"2026-11-2").append(random.nextInt(8)).append("T0")
                        .append(random.nextInt(10)).append(":00:00Z\"\n");
            }
            b.append("    phase: Running\n    podIP: 10.42.").append(random.nextInt(8)).append('.').append(2 + random.nextInt(250)).append('\n');
        }
        b.append("kind: List\nmetadata:\n  resourceVersion: \"\"\n");
        return new FidelityCase("kubectl_pods_300_one_crashloop", "yaml", "kubectl", b.toString(),
                "Why is one of the shop pods not ready?", List.of("CrashLoopBackOff", "name: " + crashingName, "restartCount: 57"), 0.7);
    }

    static FidelityCase helmStream(Random random) {
        int services = 80;
        int privileged = 10 + random.nextInt(60);
        String[] teams = {"core", "data", "edge", "platform"};
        StringBuilder b = new StringBuilder();
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            String svc = (i == privileged ? "ledger-worker" : "svc-" + Integer.toString(1000 + i * 37, 36));
            String team = teams[random.nextInt(teams.length)];
            b.append("---\n# Source: shop/templates/").append(svc).append("/serviceaccount.yaml\n")
                    .append("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ").append(svc)
                    .append("\n  labels:\n    app.kubernetes.io/name: ").append(svc).append("\n    team: ").append(team).append('\n');
            b.append("---\n# Source: shop/templates/").append(svc).append("/configmap.yaml\n")
                    .append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ").append(svc).append("-config\n")
                    .append("  labels:\n    app.kubernetes.io/name: ").append(svc).append("\ndata:\n  LOG_LEVEL: info\n")
                    .append("  POOL_SIZE: \"").append(8 + random.nextInt(8)).append("\"\n");
            b.append("---\n# Source: shop/templates/").append(svc).append("/service.yaml\n")
                    .append("apiVersion: v1\nkind: Service\nmetadata:\n  name: ").append(svc).append('\n')
                    .append("  labels:\n    app.kubernetes.io/name: ").append(svc).append("\nspec:\n  type: ClusterIP\n")
                    .append("  ports:\n  - port: 80\n    targetPort: http\n  selector:\n    app.kubernetes.io/name: ").append(svc).append('\n');
            b.append("---\n# Source: shop/templates/").append(svc).append("/deployment.yaml\n")
                    .append("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ").append(svc).append('\n')
                    .append("  labels:\n    app.kubernetes.io/name: ").append(svc).append("\n    team: ").append(team).append('\n')
                    .append("spec:\n  replicas: ").append(2 + random.nextInt(2)).append('\n')
                    .append("  selector:\n    matchLabels:\n      app.kubernetes.io/name: ").append(svc).append('\n')
                    .append("  template:\n    metadata:\n      labels:\n        app.kubernetes.io/name: ").append(svc).append('\n')
                    .append("    spec:\n      serviceAccountName: ").append(svc).append('\n')
                    .append("      containers:\n      - name: ").append(svc).append('\n')
                    .append("        image: registry.example.com/shop/").append(svc).append(":2.").append(random.nextInt(9)).append(".0\n")
                    .append("        securityContext:\n          privileged: ").append(i == privileged).append('\n')
                    .append("          runAsNonRoot: ").append(i != privileged).append('\n')
                    .append("          readOnlyRootFilesystem: true\n")
                    .append("        resources:\n          limits:\n            memory: 256Mi\n");
            kinds.add(svc);
        }
        return new FidelityCase("helm_template_320_docs_one_privileged", "yaml", "helm", b.toString(),
                "Does any deployment in this chart run a privileged container?",
                List.of("name: ledger-worker", "privileged: true"), 0.7);
    }
}
