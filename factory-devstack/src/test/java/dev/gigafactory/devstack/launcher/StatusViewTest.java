package dev.gigafactory.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StatusViewTest {

    @Test
    void listsEverySpecInAlignedColumns() throws Exception {
        JsonNode page = json("""
                {"items":[{"name":"todo","version":2,"stage":"running","url":"http://127.0.0.1:40001"},
                          {"name":"library","version":1,"stage":"planned","url":null}],"page":0,"size":20}""");

        assertThat(StatusView.table(page)).isEqualTo("""
                NAME     VERSION  STAGE    URL
                todo     2        running  http://127.0.0.1:40001
                library  1        planned""");
    }

    @Test
    void saysHowToStartWhenThereAreNoSpecs() throws Exception {
        assertThat(StatusView.table(json("{\"items\":[]}"))).contains("./factory submit");
    }

    @Test
    void showsOneSpecWithItsTimeline() throws Exception {
        JsonNode spec = json("""
                {"name":"todo","version":1,"stage":"coded","timeline":[
                  {"stage":"accepted","at":"2026-11-22T13:00:00.100Z","detail":null},
                  {"stage":"coded","at":"2026-11-22T13:00:02.500Z","detail":"4 files"}]}""");

        String detail = StatusView.detail(spec);

        assertThat(detail.lines()).hasSize(3);
        assertThat(detail.lines().findFirst()).hasValue("todo v1  stage: coded");
        assertThat(detail).containsPattern("\\d\\d:\\d\\d:00\\.100  accepted\n")
                .containsPattern("\\d\\d:\\d\\d:02\\.500  coded      4 files");
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }
}
