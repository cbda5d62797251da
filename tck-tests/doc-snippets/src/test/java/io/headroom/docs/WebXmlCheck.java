package io.headroom.docs;

import io.headroom.BodyReadConfig;
import io.headroom.ConfigOption;
import io.headroom.CrusherConfig;
import io.headroom.HeadroomConfig;
import io.headroom.ToolProfile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * Checks web.xml blocks the way a container would read them: every {@code *-class} names a class that
 * exists (a filter class a {@code jakarta.servlet.Filter}); every filter mapping names a declared
 * filter; the init-params of {@code HeadroomFilter} are option names {@link HeadroomConfig} knows
 * (it ignores unknown names, so a typo would silently do nothing) and their values are accepted by
 * {@link HeadroomConfig#fromProperties} and {@link BodyReadConfig#fromProperties}, exactly what the filter's
 * {@code init} does.
 */
final class WebXmlCheck {
    static final String HEADROOM_FILTER = "io.headroom.servlet.HeadroomFilter";
    private static final Pattern TOOL_PROFILE_OPTION = Pattern.compile(
            Pattern.quote(CrusherConfig.TOOL_PROFILES) + "\\.[^.]+(\\.[^.]+)*\\.(" + Pattern.quote(ToolProfile.SKIP_COMPRESSION)
                    + "|" + Pattern.quote(ToolProfile.MAX_ITEMS_AFTER_CRUSH) + ")");

    List<String> problems(FencedBlock block, XmlBlock xml) {
        List<String> problems = new ArrayList<>();
        for (String element : List.of("filter-class", "listener-class", "servlet-class")) {
            for (Element e : xml.all(element)) {
                problems.addAll(classProblems(block, element, e.getTextContent().strip()));
            }
        }
        Set<String> filters = new HashSet<>();
        for (Element filter : xml.all("filter")) {
            filters.add(XmlBlock.childText(filter, "filter-name"));
            if (HEADROOM_FILTER.equals(XmlBlock.childText(filter, "filter-class"))) {
                problems.addAll(initParamProblems(block, filter));
            }
        }
        for (Element mapping : xml.all("filter-mapping")) {
            String name = XmlBlock.childText(mapping, "filter-name");
            if (!filters.contains(name)) {
                problems.add(block.location() + ": filter-mapping names filter '" + name + "', which the block does not declare");
            }
        }
        return problems;
    }

    private static List<String> classProblems(FencedBlock block, String element, String className) {
        try {
            Class<?> type = Class.forName(className, false, WebXmlCheck.class.getClassLoader());
            if (element.equals("filter-class") && !jakarta.servlet.Filter.class.isAssignableFrom(type)) {
                return List.of(block.location() + ": " + className + " is not a jakarta.servlet.Filter");
            }
            return List.of();
        } catch (ClassNotFoundException e) {
            return List.of(block.location() + ": " + element + " " + className + " does not exist");
        }
    }

    private static List<String> initParamProblems(FencedBlock block, Element filter) {
        List<String> problems = new ArrayList<>();
        Map<String, String> params = new LinkedHashMap<>();
        for (Element param : XmlBlock.children(filter)) {
            if (param.getTagName().equals("init-param")) {
                String name = XmlBlock.childText(param, "param-name");
                params.put(name, XmlBlock.childText(param, "param-value"));
                if (!knownOption(name)) {
                    problems.add(block.location() + ": init-param '" + name + "' is no Headroom option; HeadroomFilter"
                            + " would ignore it");
                }
            }
        }
        try {
            HeadroomConfig.fromProperties(params::get);
            BodyReadConfig.fromProperties(params::get);
        } catch (RuntimeException e) {
            problems.add(block.location() + ": HeadroomFilter.init would reject these init-params: " + e.getMessage());
        }
        return problems;
    }

    private static boolean knownOption(String name) {
        return optionNames().contains(name) || TOOL_PROFILE_OPTION.matcher(name).matches();
    }

    /** The option names of every config slice, as HeadroomConfig lists them. */
    private static Set<String> optionNames() {
        Set<String> names = new HashSet<>();
        for (ConfigOption o : HeadroomConfig.OPTIONS) {
            names.add(o.name());
        }
        return names;
    }
}
