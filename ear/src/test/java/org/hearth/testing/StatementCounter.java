package org.hearth.testing;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hearth.time.ScheduledWork;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * In the test deployment only ({@link Deployments#hearthCountingStatements()}): Hibernate's statistics of the
 * server, switched on at the first call, as {@code statements entities collections queries} - the JDBC statements
 * prepared, the entities loaded, the collections fetched and the queries run since. A test reads it before and
 * after a page to count what the page asked of the database. The lines after the first name what was fetched
 * one by one (entities, collections) and how often each query ran, to find where a count grew. With
 * {@code ?pause=true} it first skips the scheduled rounds ({@link ScheduledWork}) until {@code ?pause=false}.
 */
@WebServlet("/test/statements")
public class StatementCounter extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @PersistenceUnit(unitName = "hearth")
    private transient EntityManagerFactory persistence;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String pause = request.getParameter("pause");
        if (pause != null) {
            // the scheduled rounds' statements would be counted as the page's: skipped while a test counts
            ScheduledWork.pause(Boolean.parseBoolean(pause));
        }
        Statistics statistics = persistence.unwrap(SessionFactory.class).getStatistics();
        if (!statistics.isStatisticsEnabled()) {
            statistics.setStatisticsEnabled(true);
        }
        response.setContentType("text/plain");
        StringBuilder answer = new StringBuilder()
                .append(statistics.getPrepareStatementCount())
                .append(' ')
                .append(statistics.getEntityLoadCount())
                .append(' ')
                .append(statistics.getCollectionFetchCount())
                .append(' ')
                .append(statistics.getQueryExecutionCount());
        // then, a line each, what was loaded and fetched one by one: where an N+1 shows
        for (String entity : statistics.getEntityNames()) {
            long fetches = statistics.getEntityStatistics(entity).getFetchCount();
            if (fetches > 0) {
                answer.append("\nentity fetched ").append(entity).append(' ').append(fetches);
            }
        }
        for (String role : statistics.getCollectionRoleNames()) {
            long fetches = statistics.getCollectionStatistics(role).getFetchCount();
            if (fetches > 0) {
                answer.append("\ncollection fetched ").append(role).append(' ').append(fetches);
            }
        }
        for (String query : statistics.getQueries()) {
            answer.append("\nquery ")
                    .append(statistics.getQueryStatistics(query).getExecutionCount())
                    .append(' ')
                    .append(query.replaceAll("\\s+", " "));
        }
        response.getWriter().print(answer);
    }
}
