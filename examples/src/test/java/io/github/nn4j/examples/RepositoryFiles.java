package io.github.nn4j.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The repository's files as the tests of this module read them: the root, POMs, the modules. */
final class RepositoryFiles {
    private RepositoryFiles() {
    }

    /** The repository root ({@code -Dnn4j.root}, set by the POM). */
    static Path root() {
        return Path.of(System.getProperty("nn4j.root", "..")).toAbsolutePath().normalize();
    }

    /** The nn4j version being built. */
    static String version() {
        return System.getProperty("nn4j.version");
    }

    /** A POM, parsed. */
    static Element pom(Path file) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(file.toFile());
            return doc.getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The child elements of {@code parent} called {@code name}. */
    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The text of the element at {@code path} (child names) below {@code parent}, or {@code null}. */
    static String text(Element parent, String... path) {
        Element e = parent;
        for (String name : path) {
            List<Element> found = children(e, name);
            if (found.isEmpty()) {
                return null;
            }
            e = found.get(0);
        }
        return e.getTextContent().strip();
    }

    /** The root POM's modules. */
    static List<String> modules() throws IOException {
        List<String> out = new ArrayList<>();
        for (Element m : children(children(pom(root().resolve("pom.xml")), "modules").get(0), "module")) {
            out.add(m.getTextContent().strip());
        }
        return out;
    }

    /** The text of a file. */
    static String read(Path file) throws IOException {
        return Files.readString(file);
    }

    /** The first group of {@code regex} in {@code text}, or {@code null}. */
    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
