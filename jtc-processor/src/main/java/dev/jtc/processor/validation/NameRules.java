package dev.jtc.processor.validation;

import dev.jtc.processor.naming.GeneratedNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Names across the application. Job and task names share one namespace on the wire (a task's
 * ticks run as jobs of its name), so no two may be equal; and each becomes a method name in the
 * generated dispatcher and component, so no two may become the same one ({@code ship-order}
 * and {@code shipOrder}). Every party to a clash gets the error, naming the other, since either
 * may be the one to rename.
 */
final class NameRules {

    private final Report report;
    private final String applicationPrefix;

    /** @param applicationPrefix the application's simple name, for messages ({@code ShopApp}); empty when none */
    NameRules(Report report, String applicationPrefix) {
        this.report = report;
        this.applicationPrefix = applicationPrefix;
    }

    /**
     * One job or task that claims a name.
     *
     * @param description how messages name it: {@code @Job class com.acme.ShipOrder}
     * @param attribute its name attribute as written, or null when it has the default name
     * @param fix how to give it another name: {@code @Job(name = "...")}
     */
    record Claim(String wireName, String description, Element element, AnnotationMirror annotation, AnnotationValue attribute,
            String fix) {}

    void check(List<Claim> claims) {
        // A method with both @Cron and @Every claims its name twice; that is reported on its own.
        List<Claim> distinct = new ArrayList<>();
        for (Claim claim : claims) {
            if (distinct.stream().noneMatch(other -> other.element().equals(claim.element()))) {
                distinct.add(claim);
            }
        }
        claims = distinct;
        Map<String, List<Claim>> byName = group(claims, false);
        for (List<Claim> same : byName.values()) {
            for (Claim claim : same) {
                Claim other = same.get(same.get(0) == claim ? 1 : 0);
                report.error(Message.DUPLICATE_NAME, claim.element(), claim.annotation(), claim.attribute(), claim.wireName(),
                        claim.description(), other.description());
            }
        }
        for (List<Claim> same : group(claims, true).values()) {
            String method = GeneratedNames.methodName(same.get(0).wireName());
            String where = applicationPrefix.isEmpty()
                    ? "the method " + method + "(...) of the generated dispatcher and component"
                    : applicationPrefix + "Jobs." + method + "(...) and " + applicationPrefix + "Component." + method + "()";
            for (Claim claim : same) {
                Claim other = same.get(same.get(0) == claim ? 1 : 0);
                report.error(Message.NAME_CLASH, claim.element(), claim.annotation(), claim.attribute(),
                        claim.description() + " (name \"" + claim.wireName() + "\")",
                        other.description() + " (name \"" + other.wireName() + "\")", where,
                        "set another " + claim.fix() + " on one of them");
            }
        }
    }

    /** Claims that share a wire name, or (with {@code byMethod}) distinct wire names that share a method name; only groups of two or more. */
    private static Map<String, List<Claim>> group(List<Claim> claims, boolean byMethod) {
        Map<String, List<Claim>> groups = new LinkedHashMap<>();
        Map<String, String> wireNameOfKey = new LinkedHashMap<>();
        for (Claim claim : claims) {
            String key = byMethod ? GeneratedNames.methodName(claim.wireName()) : claim.wireName();
            if (byMethod) {
                // Claims of one wire name are already reported as duplicates; count each name once.
                String seen = wireNameOfKey.putIfAbsent(key + "\u0000" + claim.wireName(), claim.wireName());
                if (seen != null) {
                    continue;
                }
            }
            groups.computeIfAbsent(key, unused -> new ArrayList<>()).add(claim);
        }
        groups.values().removeIf(group -> group.size() < 2);
        return groups;
    }
}
