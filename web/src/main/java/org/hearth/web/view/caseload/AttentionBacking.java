package org.hearth.web.view.caseload;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import org.hearth.engagement.Episodes;
import org.hearth.engagement.NeedsAttention;

/**
 * Loved ones needing attention (high risk, overdue follow-up, nothing recorded for 30 days), high risk and
 * the most overdue first: on "My caseload" for the counselor's families, on "Caseloads" for the programs a
 * supervisor reads. The first {@value #SHOWN}, with how many there are in all.
 */
@Named
@RequestScoped
public class AttentionBacking {

    static final int SHOWN = 15;

    @EJB
    private Episodes episodes;

    private List<NeedsAttention> mine;
    private List<NeedsAttention> programs;
    private Long mineTotal;
    private Long programsTotal;

    public List<NeedsAttention> getMine() {
        if (mine == null) {
            mine = episodes.needingAttention(Episodes.Scope.MINE, 0, SHOWN);
        }
        return mine;
    }

    public long getMineTotal() {
        if (mineTotal == null) {
            mineTotal = episodes.countNeedingAttention(Episodes.Scope.MINE);
        }
        return mineTotal;
    }

    public List<NeedsAttention> getPrograms() {
        if (programs == null) {
            programs = episodes.needingAttention(Episodes.Scope.PROGRAMS, 0, SHOWN);
        }
        return programs;
    }

    public long getProgramsTotal() {
        if (programsTotal == null) {
            programsTotal = episodes.countNeedingAttention(Episodes.Scope.PROGRAMS);
        }
        return programsTotal;
    }
}
