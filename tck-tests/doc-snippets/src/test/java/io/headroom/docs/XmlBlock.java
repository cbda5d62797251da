package io.headroom.docs;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * An XML block parsed with the JDK's parser. A fragment (several {@code <dependency>} or
 * {@code <filter>} elements side by side) is read inside a synthetic root element.
 */
final class XmlBlock {
    private final Element root;

    private XmlBlock(Element root) {
        this.root = root;
    }

    /** Parses {@code block}, failing with the page line of the first syntax error. */
    static XmlBlock parse(FencedBlock block) {
        String text = block.text().strip();
        boolean document = text.startsWith("<?xml");
        String wrapped = document ? text : "<snippet>\n" + text + "\n</snippet>";
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document doc = builder.parse(new InputSource(new StringReader(wrapped)));
            return new XmlBlock(doc.getDocumentElement());
        } catch (SAXParseException e) {
            int line = document ? e.getLineNumber() : e.getLineNumber() - 1;
            throw new AssertionError(block.location(Math.max(1, line)) + ": not well-formed XML: " + e.getMessage(), e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new AssertionError(block.location() + ": cannot parse XML: " + e.getMessage(), e);
        }
    }

    /** The names of the top-level elements (the synthetic root's children, or the document element). */
    List<String> topLevelNames() {
        if (!root.getTagName().equals("snippet")) {
            return List.of(root.getTagName());
        }
        List<String> names = new ArrayList<>();
        for (Element child : children(root)) {
            names.add(child.getTagName());
        }
        return names;
    }

    /** Every element of that name, at any depth. */
    List<Element> all(String tagName) {
        List<Element> found = new ArrayList<>();
        collect(root, tagName, found);
        return found;
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    /** The trimmed text of the first child element of that name, or null. */
    static String childText(Element parent, String tagName) {
        for (Element child : children(parent)) {
            if (child.getTagName().equals(tagName)) {
                return child.getTextContent().strip();
            }
        }
        return null;
    }

    private static void collect(Element element, String tagName, List<Element> found) {
        if (element.getTagName().equals(tagName)) {
            found.add(element);
        }
        for (Element child : children(element)) {
            collect(child, tagName, found);
        }
    }
}
