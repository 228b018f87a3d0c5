package dev.gigafactory.stacks.quarkusrepo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** What a pom names: its imported BOMs, dependencies and build plugins, with ${properties} replaced. */
record Pom(Set<String> boms, Set<String> dependencies, Set<String> plugins) {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    /** Parses the pom; a property it does not define is looked up in {@code inherited} (its parent's). */
    static Pom parse(String xml, Map<String, String> inherited) {
        Element project = document(xml).getDocumentElement();
        Map<String, String> properties = new HashMap<>(inherited);
        properties.putAll(properties(xml));
        Set<String> boms = new LinkedHashSet<>();
        Set<String> dependencies = new LinkedHashSet<>();
        for (Element dependency : all(project, "dependency")) {
            boolean inManagement = ((Element) dependency.getParentNode().getParentNode()).getTagName()
                    .equals("dependencyManagement");
            String coordinates = text(dependency, "groupId", properties) + ":" + text(dependency, "artifactId",
                    properties);
            if (inManagement) {
                boms.add(coordinates + ":" + text(dependency, "version", properties));
            } else if (dependency.getParentNode().getParentNode() == project) {
                dependencies.add(coordinates);
            }
        }
        Set<String> plugins = new LinkedHashSet<>();
        for (Element plugin : all(project, "plugin")) {
            if (((Element) plugin.getParentNode().getParentNode()).getTagName().equals("build")) {
                plugins.add(text(plugin, "groupId", properties) + ":" + text(plugin, "artifactId", properties) + ":"
                        + text(plugin, "version", properties));
            }
        }
        return new Pom(boms, dependencies, plugins);
    }

    /** The {@code <properties>} of a pom. */
    static Map<String, String> properties(String xml) {
        Map<String, String> properties = new HashMap<>();
        for (Element element : all(document(xml).getDocumentElement(), "properties")) {
            NodeList children = element.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element property) {
                    properties.put(property.getTagName(), property.getTextContent().strip());
                }
            }
        }
        return properties;
    }

    private static String text(Element parent, String tag, Map<String, String> properties) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element element && element.getTagName().equals(tag)) {
                return resolve(element.getTextContent().strip(), properties);
            }
        }
        return tag.equals("groupId") ? "org.apache.maven.plugins" : "(no " + tag + ")";
    }

    private static String resolve(String value, Map<String, String> properties) {
        Matcher matcher = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = properties.getOrDefault(matcher.group(1), matcher.group());
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(out).toString();
    }

    private static Iterable<Element> all(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        return () -> new java.util.Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < nodes.getLength();
            }

            @Override
            public Element next() {
                return (Element) nodes.item(next++);
            }
        };
    }

    private static Document document(String xml) {
        try {
            return DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a pom: " + e, e);
        }
    }
}
