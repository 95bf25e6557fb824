package org.hearth.web.view.links;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import org.hearth.messages.Letters;
import org.hearth.messages.LinkUses;
import org.hearth.messages.LinkUses.LinkView;

/**
 * {@code /m/<token>}: the page a message's link opens, for a family member without an account (the token is the
 * key). Opening it changes nothing - mail scanners open links - it asks the link's question with one button; the
 * button (a POST) uses the link once ({@link LinkUses#use}) and shows what happened. A used or expired link says so;
 * an unknown or forged token gets the same "not valid" page (404) whatever it is. Plain and neutral: no menu, no
 * name but "the clinic", in the member's language.
 */
@WebServlet("/m/*")
public class MessageLinkServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final String BUNDLE = "org.hearth.web.i18n.messages";

    @EJB
    private LinkUses links;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<LinkView> link = links.look(token(request));
        if (link.isEmpty()) {
            invalid(request, response);
            return;
        }
        LinkView view = link.get();
        Page page = new Page(request, view.language());
        switch (view.state()) {
            case USED, ANSWERED -> page.paragraph(
                    "link-state", page.text("links.used", day(view, view.usedAt()), time(view, view.usedAt())));
            case EXPIRED -> page.paragraph("link-state", page.text("links.expired"));
            case USABLE -> {
                page.paragraph(
                        "link-question",
                        page.text(
                                "links." + view.purpose() + ".question",
                                day(view, view.aboutAt()),
                                time(view, view.aboutAt())));
                page.button(request.getRequestURI(), page.text("links." + view.purpose() + ".button"));
            }
        }
        page.send(response, HttpServletResponse.SC_OK);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<LinkView> link = links.use(token(request));
        if (link.isEmpty()) {
            invalid(request, response);
            return;
        }
        LinkView view = link.get();
        Page page = new Page(request, view.language());
        switch (view.state()) {
            case USED -> {
                // used before: it says so, and what it did then; nothing changes
                page.paragraph(
                        "link-state", page.text("links.used", day(view, view.usedAt()), time(view, view.usedAt())));
                page.paragraph("link-outcome", page.answer(view.outcome()));
            }
            case EXPIRED -> page.paragraph("link-state", page.text("links.expired"));
            case ANSWERED, USABLE -> page.paragraph("link-outcome", page.answer(view.outcome()));
        }
        page.send(response, HttpServletResponse.SC_OK);
    }

    /** The same page for every token that is not a link: nothing says whether it ever was one. */
    private static void invalid(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Page page =
                new Page(request, "es".equals(request.getLocale().getLanguage()) ? Letters.SPANISH : Letters.ENGLISH);
        page.paragraph("link-invalid", page.text("links.invalid"));
        page.paragraph("link-invalid-next", page.text("links.invalid.next"));
        page.send(response, HttpServletResponse.SC_NOT_FOUND);
    }

    private static String token(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null || path.length() < 2 ? "" : path.substring(1);
    }

    private static String day(LinkView view, Instant at) {
        return Letters.day(view.language(), at.atZone(zone(view)));
    }

    private static String time(LinkView view, Instant at) {
        return Letters.time(view.language(), at.atZone(zone(view)));
    }

    private static ZoneId zone(LinkView view) {
        return view.zone();
    }

    /** The plain page: a heading, paragraphs, at most one button. */
    private static final class Page {

        private final HttpServletRequest request;
        private final Locale language;
        private final ResourceBundle bundle;
        private final StringBuilder body = new StringBuilder();

        Page(HttpServletRequest request, Locale language) {
            this.request = request;
            this.language = language;
            this.bundle = ResourceBundle.getBundle(BUNDLE, language);
        }

        String text(String key, Object... arguments) {
            String pattern = bundle.getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, language).format(arguments);
        }

        /** What an answer's code says ({@code messages.answer.<code>}), or a plain thanks for a code without text. */
        String answer(String code) {
            try {
                return bundle.getString("messages.answer." + code);
            } catch (MissingResourceException | NullPointerException e) {
                return text("links.done");
            }
        }

        void paragraph(String id, String text) {
            body.append("      <p id=\"")
                    .append(id)
                    .append("\" class=\"lead\">")
                    .append(escape(text))
                    .append("</p>\n");
        }

        void button(String action, String label) {
            body.append("      <form id=\"link-form\" method=\"post\" action=\"")
                    .append(escape(action))
                    .append("\">\n        <button id=\"link-use\" type=\"submit\" class=\"button-link\">")
                    .append(escape(label))
                    .append("</button>\n      </form>\n");
        }

        void send(HttpServletResponse response, int status) throws IOException {
            response.setStatus(status);
            response.setContentType("text/html; charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            // the token is in the address: it must not leave in a Referer header
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("X-Robots-Tag", "noindex");
            String title = text("links.title");
            PrintWriter out = response.getWriter();
            out.print("<!DOCTYPE html>\n<html lang=\"" + language.getLanguage() + "\">\n<head>\n"
                    + "  <meta charset=\"UTF-8\"/>\n"
                    + "  <title>" + escape(title) + "</title>\n"
                    + "  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                    + "  <meta name=\"robots\" content=\"noindex\"/>\n"
                    + "  <link rel=\"stylesheet\" href=\"" + escape(request.getContextPath())
                    + "/jakarta.faces.resource/hearth.css.xhtml?ln=hearth\"/>\n"
                    + "</head>\n<body class=\"hearth\">\n"
                    + "  <main id=\"main\" class=\"content plain\">\n"
                    + "      <h1 id=\"page-heading\">" + escape(title) + "</h1>\n"
                    + body
                    + "  </main>\n</body>\n</html>\n");
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;")
                    .replace("<", "&lt;")
                    .replace(">", "&gt;")
                    .replace("\"", "&quot;")
                    .replace("'", "&#39;");
        }
    }
}
