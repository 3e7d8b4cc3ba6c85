package org.mlcycle.kernel.magics;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.mlcycle.hooks.KernelClasspath;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** {@code %maven}, {@code %maven_repo} and {@code %load_from_pom} (IJava's {@code %mavenRepo} and {@code %loadFromPOM}): dependencies from Maven repositories. */
final class MavenMagics {
    private final MavenResolver resolver;
    private final KernelClasspath notebook;

    MavenMagics(MavenResolver resolver, KernelClasspath notebook) {
        this.resolver = resolver;
        this.notebook = notebook;
    }

    List<String> maven(BaseKernel kernel, List<String> args) {
        List<String> coordinates = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--from")) {
                if (i + 1 >= args.size()) {
                    throw new MagicUsageError("%maven: --from needs a repository URL");
                }
                resolver.addRepository("from-" + (i + 1), args.get(++i));
            } else if (a.startsWith("-")) {
                throw new MagicUsageError("%maven: unknown option " + a + "; " + KernelMagics.USAGE.get("maven"));
            } else {
                coordinates.add(a);
            }
        }
        if (coordinates.isEmpty()) {
            throw new MagicUsageError("%maven needs at least one coordinate: " + KernelMagics.USAGE.get("maven"));
        }
        return add(coordinates);
    }

    KernelMagics.Text repository(BaseKernel kernel, List<String> args) {
        if (args.size() != 2) {
            throw new MagicUsageError("%maven_repo takes two arguments: " + KernelMagics.USAGE.get("maven_repo"));
        }
        resolver.addRepository(args.get(0), args.get(1));
        return new KernelMagics.Text("repositories: " + resolver.repositories());
    }

    List<String> loadFromPom(BaseKernel kernel, List<String> args) {
        if (args.size() != 1) {
            throw new MagicUsageError("%load_from_pom takes one file: " + KernelMagics.USAGE.get("load_from_pom"));
        }
        Path pom = Path.of(args.get(0));
        String xml;
        try {
            xml = Files.readString(pom);
        } catch (IOException e) {
            throw new MagicUsageError("%load_from_pom: cannot read " + pom.toAbsolutePath() + ": " + e.getMessage());
        }
        return fromPom(kernel, xml, pom.toString());
    }

    List<String> loadFromPomCell(BaseKernel kernel, List<String> args, String body) {
        String xml = body.strip().startsWith("<project") ? body : "<project>" + body + "</project>";
        return fromPom(kernel, xml, "the cell");
    }

    private List<String> fromPom(BaseKernel kernel, String xml, String where) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new MagicUsageError("%load_from_pom: " + where + " is not well-formed XML: " + e.getMessage());
        }
        Map<String, String> properties = new HashMap<>();
        NodeList props = doc.getElementsByTagName("properties");
        for (int i = 0; i < props.getLength(); i++) {
            NodeList children = props.item(i).getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                if (children.item(j) instanceof Element e) {
                    properties.put(e.getTagName(), e.getTextContent().strip());
                }
            }
        }
        NodeList repos = doc.getElementsByTagName("repository");
        for (int i = 0; i < repos.getLength(); i++) {
            Element r = (Element) repos.item(i);
            resolver.addRepository(text(r, "id", properties, "repo-" + i), text(r, "url", properties, null));
        }
        List<String> coordinates = new ArrayList<>();
        NodeList deps = doc.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            if (d.getParentNode() instanceof Element parent
                    && parent.getParentNode() instanceof Element grand
                    && grand.getTagName().equals("dependencyManagement")) {
                continue;
            }
            String scope = text(d, "scope", properties, "compile");
            if (scope.equals("test") || scope.equals("provided") || scope.equals("system")) {
                continue;
            }
            String g = text(d, "groupId", properties, null);
            String a = text(d, "artifactId", properties, null);
            String v = text(d, "version", properties, null);
            if (g == null || a == null || v == null) {
                throw new MagicUsageError("%load_from_pom: dependency " + (i + 1) + " in " + where
                        + " needs groupId, artifactId and version");
            }
            String type = text(d, "type", properties, "jar");
            String classifier = text(d, "classifier", properties, null);
            coordinates.add(
                    classifier == null
                            ? g + ":" + a + ":" + type + ":" + v
                            : g + ":" + a + ":" + type + ":" + classifier + ":" + v);
        }
        if (coordinates.isEmpty()) {
            throw new MagicUsageError("%load_from_pom: no <dependency> in " + where);
        }
        return add(coordinates);
    }

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private static String text(Element parent, String tag, Map<String, String> properties, String fallback) {
        NodeList nodes = parent.getElementsByTagName(tag);
        if (nodes.getLength() == 0) {
            return fallback;
        }
        String value = nodes.item(0).getTextContent().strip();
        Matcher m = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(properties.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private List<String> add(List<String> coordinates) {
        List<Path> files;
        try {
            files = resolver.resolve(coordinates);
        } catch (IllegalArgumentException e) {
            throw new MagicUsageError("%maven: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new MagicFailure("%maven", e);
        }
        List<String> paths =
                files.stream().map(p -> p.toAbsolutePath().toString()).toList();
        notebook.addToClasspath(paths);
        return paths;
    }
}
