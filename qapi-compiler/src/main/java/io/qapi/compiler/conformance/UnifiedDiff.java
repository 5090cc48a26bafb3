package io.qapi.compiler.conformance;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two texts, line by line, for reporting failed conformance cases. */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    public static String diff(String expectedName, String expected, String actualName, String actual) {
        List<String> a = lines(expected);
        List<String> b = lines(actual);
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        // Edit script: ' ', '-' or '+' with the line.
        List<String[]> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                edits.add(new String[] {" ", a.get(i++)});
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                edits.add(new String[] {"-", a.get(i++)});
            } else {
                edits.add(new String[] {"+", b.get(j++)});
            }
        }
        return hunks(edits, expectedName, actualName);
    }

    private static String hunks(List<String[]> edits, String expectedName, String actualName) {
        StringBuilder out = new StringBuilder();
        out.append("--- ")
                .append(expectedName)
                .append('\n')
                .append("+++ ")
                .append(actualName)
                .append('\n');
        int k = 0;
        while (k < edits.size()) {
            if (edits.get(k)[0].equals(" ")) {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            int lastChange = k;
            while (end < edits.size() && end - lastChange <= 2 * CONTEXT) {
                if (!edits.get(end)[0].equals(" ")) {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(edits.size(), lastChange + CONTEXT + 1);
            int aStart = 1;
            int bStart = 1;
            for (int x = 0; x < start; x++) {
                aStart += edits.get(x)[0].equals("+") ? 0 : 1;
                bStart += edits.get(x)[0].equals("-") ? 0 : 1;
            }
            int aLen = 0;
            int bLen = 0;
            for (int x = start; x < end; x++) {
                aLen += edits.get(x)[0].equals("+") ? 0 : 1;
                bLen += edits.get(x)[0].equals("-") ? 0 : 1;
            }
            out.append("@@ -")
                    .append(aLen == 0 ? aStart - 1 : aStart)
                    .append(',')
                    .append(aLen)
                    .append(" +")
                    .append(bLen == 0 ? bStart - 1 : bStart)
                    .append(',')
                    .append(bLen)
                    .append(" @@\n");
            for (int x = start; x < end; x++) {
                out.append(edits.get(x)[0]).append(edits.get(x)[1]).append('\n');
            }
            k = end;
        }
        return out.toString();
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
