#include "common/text/layout.h"

#include <string>

#include "gtest/gtest.h"

namespace claims::text {
namespace {

using claims::v1::Section;

std::string Render(absl::string_view body, const ArticleLayout& layout) {
  std::string out;
  for (const auto& b : layout.blocks) {
    out += claims::v1::Section_Name(b.section).substr(8) + ":" +
           std::string(body.substr(b.start, b.end - b.start)) + "\n";
  }
  return out;
}

TEST(LayoutTest, SeedLayout) {
  std::string body =
      "A Title Line\n- Jane Doe, John Roe\n- April 7, 2025\n"
      "First paragraph. Second sentence.\n"
      "A Short Heading\n"
      "Body again.\n"
      "Image Caption: People at a meeting.\n"
      "About the Author\n"
      "Jane is a writer.\n";
  auto layout = ParseLayout(body);
  ASSERT_TRUE(layout.ok()) << layout.status();
  EXPECT_TRUE(layout->has_header);
  EXPECT_EQ(layout->title, "A Title Line");
  ASSERT_EQ(layout->authors.size(), 2u);
  EXPECT_EQ(layout->authors[1], "John Roe");
  EXPECT_EQ(layout->date_text, "April 7, 2025");
  EXPECT_EQ(body.substr(layout->date_start, layout->date_end - layout->date_start),
            "April 7, 2025");
  EXPECT_EQ(Render(body, *layout),
            "TITLE:A Title Line\n"
            "BYLINE:- Jane Doe, John Roe\n"
            "BYLINE:- April 7, 2025\n"
            "BODY:First paragraph. Second sentence.\n"
            "HEADING:A Short Heading\n"
            "BODY:Body again.\n"
            "CAPTION:Image Caption: People at a meeting.\n"
            "HEADING:About the Author\n"
            "AUTHOR_BIO:Jane is a writer.\n");
}

TEST(LayoutTest, AbsentAuthorAndDate) {
  auto layout = ParseLayout("Title\n- -\n- -\nBody text.");
  ASSERT_TRUE(layout.ok());
  EXPECT_TRUE(layout->authors.empty());
  EXPECT_TRUE(layout->date_text.empty());
}

TEST(LayoutTest, UnknownHeaderFieldIsAnError) {
  EXPECT_EQ(ParseLayout("Title\n- Author\n- 2025-04-07\n- Extra\nBody.").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseLayout("Title\n- Author\n- Colour: red\nBody.").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseLayout("Title: T\nMood: happy\n\nBody.").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(LayoutTest, KeyValueHeader) {
  auto layout = ParseLayout("Title: Big news\nAuthor: A. Writer\nDate: 2024-03-01\n\nBody text.");
  ASSERT_TRUE(layout.ok()) << layout.status();
  EXPECT_EQ(layout->title, "Big news");
  EXPECT_EQ(layout->date_text, "2024-03-01");
  EXPECT_EQ(layout->blocks.back().section, claims::v1::SECTION_BODY);
}

TEST(LayoutTest, PlainBodyHasNoHeaderAndJoinsWrappedLines) {
  std::string body = "The minister said on Monday that\nthe talks would go on.\nNext one.";
  auto layout = ParseLayout(body);
  ASSERT_TRUE(layout.ok());
  EXPECT_FALSE(layout->has_header);
  ASSERT_EQ(layout->blocks.size(), 2u);
  EXPECT_EQ(body.substr(layout->blocks[0].start,
                        layout->blocks[0].end - layout->blocks[0].start),
            "The minister said on Monday that\nthe talks would go on.");
}

}  // namespace
}  // namespace claims::text
