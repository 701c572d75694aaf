#include "common/text/html_document.h"

#include <fstream>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace claims::text {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// Pages written for the project in the styles of real news sites: a wire
// service with JSON-LD, a broadsheet with Open Graph meta, comments and a
// sidebar, a WordPress-style local blog with text outside paragraphs.
std::string Page(const std::string& name) {
  std::ifstream in(std::string(CLAIMS_SOURCE_TESTDATA_DIR) + "/html/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_FALSE(ss.str().empty()) << name;
  return ss.str();
}

HtmlDocument Extract(const std::string& name) {
  auto doc = ExtractHtmlDocument(Page(name));
  EXPECT_TRUE(doc.ok()) << doc.status();
  return doc.ok() ? *doc : HtmlDocument();
}

// "SECTION: text" per block, so assertions read like the layout.
std::vector<std::string> Blocks(const HtmlDocument& doc) {
  std::vector<std::string> out;
  for (const TextBlock& b : doc.layout.blocks) {
    out.push_back(claims::v1::Section_Name(b.section).substr(8) + ": " +
                  doc.text.substr(b.start, b.end - b.start).substr(0, 40));
  }
  return out;
}

TEST(HtmlDocumentTest, WireServicePageKeepsArticleAndDropsFurniture) {
  HtmlDocument doc = Extract("wire-service.html");
  EXPECT_EQ(doc.layout.title, "Japan's central bank holds rates steady as yen slides");
  EXPECT_THAT(doc.layout.authors, ElementsAre("Keiko Tanabe", "Daniel Roe"));
  EXPECT_EQ(doc.layout.date_text, "2024-06-14");
  EXPECT_THAT(Blocks(doc),
              ElementsAre("TITLE: Japan's central bank holds rates steady ",
                          "BODY: TOKYO, June 14 (Global Wire) - The Bank ",
                          "BODY: The yen fell to its weakest level agains",
                          "HEADING: Bond buying",
                          "BODY: Analysts at Nomura said the bank may ann",
                          "BODY: Ueda told reporters that inflation was l"));
  // Entities decoded, no-break space as a space.
  EXPECT_THAT(doc.text, HasSubstr("The Bank of Japan kept its"));
  EXPECT_THAT(doc.text, HasSubstr("\u201ca strong sense of urgency\u201d"));
  EXPECT_THAT(doc.text, HasSubstr("bank's 2% target & that"));
  for (const char* furniture :
       {"cookies", "Markets", "Advertisement", "Related", "34-year low",
        "Bank of England", "All rights reserved", "dataLayer", "display:flex"}) {
    EXPECT_THAT(doc.text, Not(HasSubstr(furniture))) << furniture;
  }
}

TEST(HtmlDocumentTest, BroadsheetPageTakesMetaAndCaption) {
  HtmlDocument doc = Extract("broadsheet.html");
  EXPECT_EQ(doc.layout.title, "Dutch farmers' party wins provincial elections");
  EXPECT_THAT(doc.layout.authors, ElementsAre("Pieter van Dam"));
  EXPECT_EQ(doc.layout.date_text, "2023-03-16");
  EXPECT_THAT(Blocks(doc),
              ElementsAre("TITLE: Dutch farmers' party wins provincial ele",
                          "BODY: The Farmer-Citizen Movement won the most",
                          "CAPTION: Caroline van der Plas celebrates with su",
                          "BODY: Party leader Caroline van der Plas told ",
                          "BODY: Rutte said he would talk to all parties "));
  for (const char* furniture : {"Most read", "Storm closes", "Subscribe",
                                "Share on", "Comments", "resign", "Privacy"}) {
    EXPECT_THAT(doc.text, Not(HasSubstr(furniture))) << furniture;
  }
}

TEST(HtmlDocumentTest, BlogPageKeepsTextOutsideParagraphs) {
  HtmlDocument doc = Extract("local-blog.html");
  EXPECT_EQ(doc.layout.title, "Council approves new tram line");
  EXPECT_THAT(doc.layout.authors, ElementsAre("Sam Okafor"));
  EXPECT_EQ(doc.layout.date_text, "2022-11-03");
  EXPECT_THAT(Blocks(doc),
              ElementsAre("TITLE: Council approves new tram line",
                          "BODY: Leeds City Council voted on Tuesday to b",
                          "BODY: Council leader James Lewis said the line",
                          "BODY: Opposition councillors warned that the c"));
  EXPECT_THAT(doc.text, HasSubstr("about \u00a32 billion"));
  for (const char* furniture : {"Sport", "JavaScript", "Newsletter", "Sunak"}) {
    EXPECT_THAT(doc.text, Not(HasSubstr(furniture))) << furniture;
  }
}

TEST(HtmlDocumentTest, BlocksPointIntoTheText) {
  HtmlDocument doc = Extract("wire-service.html");
  size_t previous_end = 0;
  for (const TextBlock& b : doc.layout.blocks) {
    EXPECT_LE(previous_end, b.start);
    EXPECT_LE(b.end, doc.text.size());
    EXPECT_NE(doc.text[b.start], ' ');
    previous_end = b.end;
  }
}

TEST(HtmlDocumentTest, PageWithoutTextIsRejected) {
  EXPECT_EQ(ExtractHtmlDocument("<html><body><nav><a href=/>Home</a></nav>"
                                "<script>x()</script></body></html>")
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(HtmlDocumentTest, DeeplyNestedPageIsRefusedBeforeParsing) {
  std::string hostile = "<html><body>";
  for (int i = 0; i < 50000; ++i) hostile += "<div>";
  hostile += "<p>Deep text.</p>";
  auto doc = ExtractHtmlDocument(hostile);
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(doc.status().message()), HasSubstr("nested deeper"));
  // Unclosed paragraphs and list items, void elements and tags inside
  // scripts do not count as nesting.
  std::string flat = "<html><body><script>";
  for (int i = 0; i < 3000; ++i) flat += "<div>";
  flat += "</script><ul>";
  for (int i = 0; i < 3000; ++i) flat += "<li>Item with a line<br> break<p>and a paragraph.";
  flat += "</ul></body></html>";
  EXPECT_TRUE(ExtractHtmlDocument(flat).ok());
}

TEST(HtmlDocumentTest, DetectsHtml) {
  EXPECT_TRUE(LooksLikeHtml("\xEF\xBB\xBF  <!DOCTYPE html><html>"));
  EXPECT_TRUE(LooksLikeHtml("<HTML><body>x</body></HTML>"));
  EXPECT_TRUE(LooksLikeHtml("<div class=x><p>Some text.</p></div>"));
  EXPECT_FALSE(LooksLikeHtml("Title\n- Author\n- 2024-01-01\nBody <b>text</b>."));
  EXPECT_FALSE(LooksLikeHtml("<3 is not markup, and neither is this."));
}

}  // namespace
}  // namespace claims::text
