package org.hearth.notes;

/** Behaviour counts for tests: every count 0 unless a test says otherwise. */
final class MitiCountsBuilder {

    private int questions;
    private int simpleReflections;
    private int complexReflections;
    private int affirm;
    private int seekingCollaboration;
    private int emphasizingAutonomy;
    private int persuade;
    private int persuadeWithPermission;
    private int confront;
    private int givingInformation;

    static MitiCountsBuilder counts() {
        return new MitiCountsBuilder();
    }

    MitiCountsBuilder questions(int count) {
        questions = count;
        return this;
    }

    MitiCountsBuilder simpleReflections(int count) {
        simpleReflections = count;
        return this;
    }

    MitiCountsBuilder complexReflections(int count) {
        complexReflections = count;
        return this;
    }

    MitiCountsBuilder affirm(int count) {
        affirm = count;
        return this;
    }

    MitiCountsBuilder seekingCollaboration(int count) {
        seekingCollaboration = count;
        return this;
    }

    MitiCountsBuilder emphasizingAutonomy(int count) {
        emphasizingAutonomy = count;
        return this;
    }

    MitiCountsBuilder persuade(int count) {
        persuade = count;
        return this;
    }

    MitiCountsBuilder persuadeWithPermission(int count) {
        persuadeWithPermission = count;
        return this;
    }

    MitiCountsBuilder confront(int count) {
        confront = count;
        return this;
    }

    MitiCountsBuilder givingInformation(int count) {
        givingInformation = count;
        return this;
    }

    MitiCounts build() {
        return new MitiCounts(
                questions,
                simpleReflections,
                complexReflections,
                affirm,
                seekingCollaboration,
                emphasizingAutonomy,
                persuade,
                persuadeWithPermission,
                confront,
                givingInformation);
    }
}
