package org.hearth.web.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.PropertyNotWritableException;
import jakarta.el.VariableMapper;
import org.junit.jupiter.api.Test;

class RecordResolverTest {

    record Row(String caseNumber, long id) {}

    private final RecordResolver resolver = new RecordResolver();
    private final ELContext context = new ELContext() {
        @Override
        public ELResolver getELResolver() {
            return resolver;
        }

        @Override
        public FunctionMapper getFunctionMapper() {
            return null;
        }

        @Override
        public VariableMapper getVariableMapper() {
            return null;
        }
    };

    @Test
    void readsARecordsComponentByName() {
        assertThat(resolver.getValue(context, new Row("F-2026-00001", 7), "caseNumber"))
                .isEqualTo("F-2026-00001");
        assertThat(context.isPropertyResolved()).isTrue();
    }

    @Test
    void leavesAnythingElseToTheOtherResolvers() {
        assertThat(resolver.getValue(context, new Row("F-2026-00001", 7), "missing"))
                .isNull();
        assertThat(resolver.getValue(context, "not a record", "length")).isNull();
        assertThat(context.isPropertyResolved()).isFalse();
    }

    @Test
    void refusesToWriteARecord() {
        assertThatThrownBy(() -> resolver.setValue(context, new Row("F-2026-00001", 7), "id", 8L))
                .isInstanceOf(PropertyNotWritableException.class);
    }
}
