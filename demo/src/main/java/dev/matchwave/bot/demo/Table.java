package dev.matchwave.bot.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One table of the report, shared by the terminal text and the HTML page so both show the same
 * figures. The first column is a label (left-aligned), the others are figures (right-aligned).
 *
 * @param title   shown above the table
 * @param headers one per column
 * @param rows    the rows
 */
record Table(String title, List<String> headers, List<Row> rows) {

    /**
     * One row.
     *
     * @param cells  one per column
     * @param missed whether a figure in it missed its target
     * @param mark   a short remark shown after the row, empty for none
     */
    record Row(List<String> cells, boolean missed, String mark) {
        Row {
            cells = List.copyOf(cells);
            Objects.requireNonNull(mark, "mark");
        }

        static Row of(String... cells) {
            return new Row(List.of(cells), false, "");
        }
    }

    Table {
        Objects.requireNonNull(title, "title");
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        for (Row row : rows) {
            if (row.cells().size() != headers.size()) {
                throw new IllegalArgumentException("table " + title + ": a row has " + row.cells().size()
                        + " cells for " + headers.size() + " columns");
            }
        }
    }

    /** Whether any row has a remark, so the remark column is worth showing. */
    boolean hasMarks() {
        return rows.stream().anyMatch(r -> !r.mark().isEmpty());
    }

    /** The table as aligned text lines; rows that missed a target start with "!". */
    List<String> textLines() {
        int[] width = new int[headers.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = headers.get(c).length();
            for (Row row : rows) {
                width[c] = Math.max(width[c], row.cells().get(c).length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(title);
        lines.add(line("  ", headers, width, ""));
        for (Row row : rows) {
            lines.add(line(row.missed() ? "! " : "  ", row.cells(), width, row.mark()));
        }
        return lines;
    }

    private static String line(String lead, List<String> cells, int[] width, String mark) {
        StringBuilder b = new StringBuilder(lead);
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            if (c > 0) {
                b.append("  ");
            }
            String pad = " ".repeat(width[c] - cell.length());
            b.append(c == 0 ? cell + pad : pad + cell);
        }
        if (!mark.isEmpty()) {
            b.append("  ").append(mark);
        }
        return b.toString().stripTrailing();
    }
}
