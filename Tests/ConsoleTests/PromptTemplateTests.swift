import Console
import Testing

@Suite struct PromptTemplateTests {
    let values = PromptTemplate.Values(
        switchName: "vm", localHostname: "laptop", switchHostname: "pbx.example.org",
        profile: "office", host: "192.0.2.10", port: 8022)

    @Test func noTemplateGivesFsCliDefault() {
        #expect(PromptTemplate(nil).expand(values) == "freeswitch@vm> ")
    }

    @Test func everyEscapeExpands() {
        #expect(PromptTemplate("%s").expand(values) == "vm> ")
        #expect(PromptTemplate("%h").expand(values) == "laptop> ")
        #expect(PromptTemplate("%H").expand(values) == "pbx.example.org> ")
        #expect(PromptTemplate("%p").expand(values) == "office> ")
        #expect(PromptTemplate("%o").expand(values) == "192.0.2.10> ")
        #expect(PromptTemplate("%P").expand(values) == "8022> ")
        #expect(PromptTemplate("%%").expand(values) == "%> ")
        #expect(PromptTemplate("[%p] %s@%o:%P (%h, %H) 100%%").expand(values)
            == "[office] vm@192.0.2.10:8022 (laptop, pbx.example.org) 100%> ")
    }

    @Test func percentPercentIsNotReadAsTheStartOfAnEscape() {
        #expect(PromptTemplate("%%s").expand(values) == "%s> ")
    }

    @Test func unknownEscapeIsKeptAsWritten() {
        #expect(PromptTemplate("%x%s").expand(values) == "%xvm> ")
        #expect(PromptTemplate("a%Sb").expand(values) == "a%Sb> ")
    }

    @Test func trailingLonePercentIsKept() {
        #expect(PromptTemplate("fs%").expand(values) == "fs%> ")
        #expect(PromptTemplate("%").expand(values) == "%> ")
    }

    @Test func textWithoutEscapesOnlyGetsTheSuffix() {
        #expect(PromptTemplate("fs").expand(values) == "fs> ")
        #expect(PromptTemplate("").expand(values) == "> ")
    }
}
