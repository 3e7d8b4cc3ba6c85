package org.mlcycle.bench;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlcycle.toolkit.labels.*;

class CvClBenchTest {

    @Test
    void printsOneJsonLineInTheShapeOfThePythonScript(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("ads.csv");
        StringBuilder s = new StringBuilder("bid,device,clicked,_flipped\n");
        Random r = new Random(3);
        for (int i = 0; i < 300; i++) {
            double bid = r.nextGaussian();
            int y = bid > 0.8 ? 1 : 0;
            int flip = i % 50 == 7 ? 1 : 0;
            s.append(String.format(
                    Locale.ROOT, "%.4f,%s,%d,%d%n", bid, i % 3 == 0 ? "" : "mobile", flip == 1 ? 1 - y : y, flip));
        }
        Files.writeString(csv, s);
        Files.writeString(
                dir.resolve("ads.schema.json"),
                "{\"numeric\": [\"bid\"], \"categorical\": [\"device\"], \"label\": \"clicked\", \"ignore\":"
                        + " [\"_flipped\"]}");
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Files.writeString(
                    dir.resolve("py.jsonl"),
                    "note: a line that is not JSON is skipped\n"
                            + "{\"task\":\"cv_cl\",\"result\":{\"oof_roc_auc\":0.9,\"classes\":[\"0\",\"1\"]}}\n");
            CvClBench.main(new String[] {
                "--csv",
                csv.toString(),
                "--rows",
                "250",
                "--repeat",
                "1",
                "--warmup",
                "0",
                "--reference",
                dir.resolve("py.jsonl").toString()
            });
        } finally {
            System.setOut(original);
        }
        String json = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(json.startsWith("{\"task\":\"cv_cl\",") && json.endsWith("}") && !json.contains("\n"), json);
        for (String key : new String[] {
            "\"rows\":250",
            "\"cv\":{\"runs_s\":[",
            "\"median_s\":",
            "\"cl\":{",
            "\"oof_roc_auc\":",
            "\"flagged\":",
            "\"precision\":",
            "\"recall\":",
            "\"true_flipped\":5",
            "\"reference\":[{\"task\":\"cv_cl\",\"result\":{\"oof_roc_auc\":0.9,\"classes\":[\"0\",\"1\"]}}]"
        }) {
            assertTrue(json.contains(key), key + " in " + json);
        }
    }

    @Test
    void aSchemaThatIsNotJsonIsNamedInTheError(@TempDir Path dir) throws Exception {
        Path schema = dir.resolve("ads.schema.json");
        Files.writeString(schema, "numeric: bid");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchSchema.read(schema));
        assertTrue(
                e.getMessage().contains(schema.toString()) && e.getMessage().contains("not a JSON object"),
                e.getMessage());
    }
}
