package dev.marketpipe.console.page;

import dev.marketpipe.console.signin.Person;

/**
 * What every page's frame shows (templates/layout.html): the navigation with the current page marked, who is signed
 * in, and a notice or an error from the last action.
 */
public record Chrome(String page, Person person, String notice, String error) {

    public boolean signedIn() {
        return person != null;
    }

    public boolean isPage(String name) {
        return page.equals(name);
    }
}
