package io.headroom.fidelity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/** XML tool outputs through the whole request pipeline: every needle kept, at least 70% saved, still well-formed. */
class XmlFidelityTest {

    @Test
    void everyNeedleKeptSavingsMetAndTheOutputStillParses() throws Exception {
        try (FidelityHarness harness = new FidelityHarness()) {
            List<FidelityResult> results = harness.runAll(StructuredCases.xml());
            System.out.println(FidelityHarness.report("xml", results));
            for (FidelityResult r : results) {
                String name = r.fidelityCase().name();
                assertTrue(r.missingNeedles().isEmpty(), name + " lost " + r.missingNeedles());
                assertTrue(r.meetsTarget(), name + " saved only " + r.savings());
                assertTrue(r.compressedOutput().contains("elements omitted -->"), name + " was not compressed as XML");
                assertWellFormed(r.compressedOutput());
            }
        }
    }

    static void assertWellFormed(String xml) throws Exception {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XMLStreamReader r = f.createXMLStreamReader(new StringReader(xml));
        while (r.hasNext()) r.next(); // throws when not well-formed
    }
}
