package dev.marketpipe.console.signin;

import java.util.Set;

/**
 * The person signed in to the console: the name and roles of their verified token, and the token itself, which the
 * console sends on to the stages so that each stage decides by the person's own roles.
 */
public record Person(String name, Set<String> roles, String token) {

    public String authorization() {
        return "Bearer " + token;
    }

    public boolean holds(String role) {
        return roles.contains(role);
    }

    /** The roles, sorted, for the page header. */
    public String roleList() {
        return String.join(", ", new java.util.TreeSet<>(roles));
    }

    @Override
    public String toString() {
        return "Person[" + name + ", " + roles + "]"; // never the token
    }
}
