package io.headroom.internal.structured;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Well-formedness by the JDK's StAX parser, configured so that no document can make it expand or fetch
 * anything: DTD support off, external entities off, no external DTD or schema access, and any document type
 * declaration refused outright (the entity bombs and XXE payloads all need one). Streaming: no tree is built.
 */
final class HardenedXml {
    private static final XMLInputFactory FACTORY = factory();

    private HardenedXml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory(); // the JDK's own, whatever is on the class path
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are never read");
        });
        return f;
    }

    /** True when {@code text} is one well-formed XML document without a document type declaration. */
    static boolean isWellFormed(String text) {
        XMLStreamReader r = null;
        try {
            // a byte-order mark is an encoding artefact of the bytes this text was decoded from, not content
            String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
            r = FACTORY.createXMLStreamReader(new StringReader(body));
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) return false;
            }
            return true;
        } catch (XMLStreamException | RuntimeException e) {
            return false;
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing held beyond the string
                }
            }
        }
    }
}
