#include "common/ingest/article_intake.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "common/extract/extractor_testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace claims {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string Page(const std::string& name) {
  std::ifstream in(std::string(CLAIMS_SOURCE_TESTDATA_DIR) + "/html/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

constexpr char kFrench[] =
    "Le gouvernement fran\u00e7ais a annonc\u00e9 mardi une r\u00e9forme des "
    "retraites qui sera pr\u00e9sent\u00e9e au Parlement avant la fin de "
    "l'ann\u00e9e. Le Premier ministre a d\u00e9clar\u00e9 que les syndicats "
    "seraient consult\u00e9s dans les prochaines semaines.";

class ArticleIntakeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { extractor_ = &BundledExtractor(); }
  static const Extractor* extractor_;
};
const Extractor* ArticleIntakeTest::extractor_ = nullptr;

TEST_F(ArticleIntakeTest, HtmlPageIsReadAsItsMainText) {
  ArticleIntake intake(extractor_, {});
  claims::v1::Article article;
  article.set_body(Page("wire-service.html"));
  article.set_content_type("text/html; charset=utf-8");
  auto r = intake.Analyze(article);
  ASSERT_TRUE(r.ok()) << r.status();
  const auto& stored = r->article();
  EXPECT_EQ(stored.content_type(), "text/html");
  EXPECT_EQ(stored.language(), "en");
  EXPECT_EQ(stored.article().body(), article.body());  // the original kept
  EXPECT_THAT(stored.text(), HasSubstr("The Bank of Japan kept"));
  EXPECT_EQ(stored.article().title(),
            "Japan's central bank holds rates steady as yen slides");
  EXPECT_THAT(stored.article().authors(), ::testing::ElementsAre("Keiko Tanabe", "Daniel Roe"));
  EXPECT_EQ(stored.effective_published(), "2024-06-14");
  EXPECT_EQ(stored.published_source(), claims::v1::DATE_SOURCE_TEXT);
  ASSERT_GT(r->claims_size(), 2);
  for (const auto& claim : r->claims()) {
    // Spans point into the extracted text; no markup reaches a claim.
    EXPECT_EQ(stored.text().substr(claim.start(), claim.end() - claim.start()),
              claim.text());
    EXPECT_THAT(claim.text(), Not(HasSubstr("<")));
    EXPECT_THAT(claim.text(), Not(HasSubstr("&nbsp;")));
  }
  bool boj = false;
  for (const auto& m : r->mentions()) {
    EXPECT_THAT(m.text(), Not(HasSubstr("DOCTYPE")));
    boj |= m.text() == "Bank of Japan";
  }
  EXPECT_TRUE(boj);
}

TEST_F(ArticleIntakeTest, HtmlIsDetectedAndRequestFieldsWin) {
  ArticleIntake intake(extractor_, {});
  claims::v1::Article article;
  article.set_body(Page("broadsheet.html"));
  article.set_title("Farmers' party triumphs");
  article.set_published("2023-03-17");
  auto r = intake.Analyze(article);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->article().content_type(), "text/html");
  EXPECT_EQ(r->article().article().title(), "Farmers' party triumphs");
  EXPECT_THAT(r->article().article().authors(), ::testing::ElementsAre("Pieter van Dam"));
  EXPECT_EQ(r->article().effective_published(), "2023-03-17");
  EXPECT_EQ(r->article().published_source(), claims::v1::DATE_SOURCE_REQUEST);
  bool caption = false;
  for (const auto& s : r->sentences()) caption |= s.section() == claims::v1::SECTION_CAPTION;
  EXPECT_TRUE(caption);
}

TEST_F(ArticleIntakeTest, UnsupportedLanguageIsRefusedNamingIt) {
  ArticleIntake intake(extractor_, {});
  claims::v1::Article article;
  article.set_body(kFrench);
  auto r = intake.Analyze(article);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("French (fr)"));
}

TEST_F(ArticleIntakeTest, UnsupportedLanguageStoredWithoutClaimsWhenAsked) {
  IntakeOptions options;
  options.store_unsupported_languages = true;
  ArticleIntake intake(extractor_, options);
  claims::v1::Article article;
  article.set_body(kFrench);
  auto r = intake.Analyze(article);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->article().language(), "fr");
  EXPECT_TRUE(r->article().claims_withheld());
  EXPECT_EQ(r->claims_size(), 0);
  EXPECT_EQ(r->article().claim_count(), 0u);
  EXPECT_EQ(r->mentions_size(), 0);
}

TEST_F(ArticleIntakeTest, ArticleWithUrlGetsItsIdFromTheCanonicalUrl) {
  ArticleIntake intake(extractor_, {});
  claims::v1::Article first;
  first.set_url("https://www.example.com/world/talks?utm_source=feed");
  first.set_body("Chancellor Olaf Scholz visited Paris on May 2, 2024.");
  claims::v1::Article recrawl = first;
  recrawl.set_url("https://example.com/world/talks/#comments");
  recrawl.set_published("2024-05-02");
  auto a = intake.Analyze(first);
  auto b = intake.Analyze(recrawl);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->article().article().id(), b->article().article().id());
  EXPECT_EQ(a->article().article().id(),
            UrlArticleId("https://example.com/world/talks"));
  EXPECT_EQ(b->article().canonical_url(), "https://example.com/world/talks");
  claims::v1::Article other = first;
  other.set_url("https://example.com/world/other-talks");
  EXPECT_NE(intake.Analyze(other)->article().article().id(),
            a->article().article().id());
  claims::v1::Article client_id = first;
  client_id.set_id("mine");
  EXPECT_EQ(intake.Analyze(client_id)->article().article().id(), "mine");
}

TEST_F(ArticleIntakeTest, InvalidTextIsRefusedBeforeLanguageDetection) {
  ArticleIntake intake(extractor_, {});
  claims::v1::Article article;
  article.set_body("Le gouvernement \xC3\x28 a annonc\xE9 mardi une r\xE9" "forme.");
  EXPECT_EQ(intake.Analyze(article).status().code(),
            absl::StatusCode::kInvalidArgument);
  article.set_body("<html><body><p>bad \xC3\x28 bytes in a page</p></body></html>");
  EXPECT_EQ(intake.Analyze(article).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(ArticleIntakeTest, UnknownContentTypeIsInvalid) {
  ArticleIntake intake(extractor_, {});
  claims::v1::Article article;
  article.set_body("%PDF-1.7");
  article.set_content_type("application/pdf");
  EXPECT_EQ(intake.Analyze(article).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace claims
