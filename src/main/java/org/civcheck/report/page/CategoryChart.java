package org.civcheck.report.page;

import java.util.ArrayList;
import java.util.List;
import org.civcheck.engine.Assessment;

/**
 * The category scores as horizontal bars for an inline SVG. Each category's track is as long as
 * its maximum (so a big category has a long track and lost points show as empty track), filled
 * to its score, with a tick where the pass line's share of that maximum falls.
 *
 * <p>Geometry in SVG user units: a {@value #WIDTH}-wide chart, a {@value #LABEL_WIDTH}-wide
 * label column, bars from x = {@value #BAR_X} up to {@value #PLOT_WIDTH} units long, one
 * {@value #ROW_HEIGHT}-high row per category.
 */
public record CategoryChart(double width, double height, String passShare, List<Bar> bars) {

    static final double WIDTH = 640;
    static final double LABEL_WIDTH = 168;
    static final double BAR_X = LABEL_WIDTH + 8;
    static final double VALUE_WIDTH = 80;
    static final double PLOT_WIDTH = WIDTH - BAR_X - VALUE_WIDTH;
    static final double ROW_HEIGHT = 36;
    static final double BAR_HEIGHT = 18;
    static final double PAD = 6;

    /**
     * One category's row.
     *
     * @param status {@code ok} at or above the pass line's share of its maximum, {@code short}
     *     below it, {@code poor} below half of it
     */
    public record Bar(String id, String name, String score, String max, String lost, String status,
            double y, double barY, double textY, double trackWidth, double fillWidth, double passX, double valueX) {

        public double barX() {
            return BAR_X;
        }

        public double labelX() {
            return LABEL_WIDTH;
        }

        public double barHeight() {
            return BAR_HEIGHT;
        }

        /** The pass-line tick runs from 4 units above the bar to 4 below it. */
        public double tickTop() {
            return Formats.round1(barY - 4);
        }

        public double tickBottom() {
            return Formats.round1(barY + BAR_HEIGHT + 4);
        }
    }

    public static CategoryChart of(Assessment a) {
        List<Assessment.CategoryScore> categories = a.categories() == null ? List.of() : a.categories();
        double largest = categories.stream().mapToDouble(Assessment.CategoryScore::max).max().orElse(1);
        double unit = PLOT_WIDTH / (largest > 0 ? largest : 1);
        double passShare = a.maxScore() > 0 ? a.passScore() / a.maxScore() : 0;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            Assessment.CategoryScore c = categories.get(i);
            double y = PAD + i * ROW_HEIGHT;
            double score = Formats.clamp(c.score(), 0, c.max());
            double ratio = c.max() > 0 ? score / c.max() : 1;
            String status = ratio + 1e-9 >= passShare ? "ok" : ratio + 1e-9 >= passShare / 2 ? "short" : "poor";
            bars.add(new Bar(c.id(), c.name(), Formats.points(c.score()), Formats.points(c.max()),
                    Formats.points(c.max() - score), status, y, Formats.round1(y + (ROW_HEIGHT - BAR_HEIGHT) / 2),
                    Formats.round1(y + ROW_HEIGHT / 2 + 5), Formats.round1(c.max() * unit),
                    Formats.round1(score * unit), Formats.round1(BAR_X + c.max() * unit * passShare),
                    Formats.round1(BAR_X + c.max() * unit + 8)));
        }
        return new CategoryChart(WIDTH, PAD * 2 + categories.size() * ROW_HEIGHT, Formats.percent(passShare), bars);
    }
}
