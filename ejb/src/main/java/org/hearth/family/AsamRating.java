package org.hearth.family;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** One ASAM dimension of one loved one: a rating from 0 (no problem) to 4 (severe), with a short note. */
public class AsamRating implements Serializable {

    private static final long serialVersionUID = 1L;

    @Min(value = 0, message = "{intake.asam.range}")
    @Max(value = 4, message = "{intake.asam.range}")
    private Integer rating;

    @Size(max = 500, message = "{intake.asam.note.length}")
    private String note;

    public AsamRating() {}

    public AsamRating(Integer rating, String note) {
        this.rating = rating;
        this.note = note;
    }

    public Integer getRating() {
        return rating;
    }

    public void setRating(Integer rating) {
        this.rating = rating;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
