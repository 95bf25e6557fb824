package org.hearth.web.view;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.FacesContext;
import org.hearth.persistence.DatabaseUnavailable;
import org.omnifaces.exceptionhandler.FullAjaxExceptionHandler;
import org.omnifaces.exceptionhandler.FullAjaxExceptionHandlerFactory;

/**
 * OmniFaces' full-page rendering of an exception met in an AJAX request, with web.xml's error pages, except
 * two that web.xml cannot say by exception type: the database out of reach renders the "try again in a
 * minute" page, and any other unexpected failure the 500 page (web.xml names a servlet for it, which
 * decides between the two for ordinary requests and cannot be rendered as a view). OmniFaces does not install
 * its {@code FacesExceptionFilter} for a subclass of its factory: {@code ServerErrorServlet} finds the cause of a
 * wrapped failure instead.
 */
public class AjaxFailurePages extends FullAjaxExceptionHandlerFactory {

    static final String UNAVAILABLE = "/errors/unavailable.xhtml";
    static final String SERVER_ERROR = "/errors/500.xhtml";
    static final String SERVER_ERROR_SERVLET = "/errors/server-error";

    public AjaxFailurePages(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends FullAjaxExceptionHandler {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        protected String findErrorPageLocation(FacesContext context, Throwable exception) {
            if (DatabaseUnavailable.isCauseOf(exception)) {
                return UNAVAILABLE;
            }
            String location = super.findErrorPageLocation(context, exception);
            return SERVER_ERROR_SERVLET.equals(location) ? SERVER_ERROR : location;
        }
    }
}
