#include "common/extract/extractor.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace claims {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

std::string DataDir() {
  const char* env = std::getenv("CLAIMS_DATA_DIR");
  return env != nullptr ? env : CLAIMS_SOURCE_DATA_DIR;
}

std::string ReadSeed() {
  const char* shared = std::getenv("CLAIMS_SHARED_DIR");
  std::string path = absl::StrCat(shared != nullptr ? shared : "../shared",
                                  "/eval/seed-article.txt");
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class ExtractorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ExtractorConfig config;
    config.kb_dir = DataDir() + "/kb";
    config.taxonomy_file = DataDir() + "/taxonomy/topics.jsonl";
    auto e = Extractor::Create(config);
    ASSERT_TRUE(e.ok()) << e.status();
    extractor_ = e->release();
  }
  static void TearDownTestSuite() {
    delete extractor_;
    extractor_ = nullptr;
  }
  static claims::v1::AnalyzeResponse AnalyzeSeed() {
    claims::v1::Article a;
    a.set_body(ReadSeed());
    auto r = extractor_->Analyze(a);
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? *r : claims::v1::AnalyzeResponse();
  }
  static Extractor* extractor_;
};
Extractor* ExtractorTest::extractor_ = nullptr;

std::vector<std::string> Ids(
    const google::protobuf::RepeatedPtrField<claims::v1::ActorRef>& refs) {
  std::vector<std::string> out;
  for (const auto& r : refs) out.push_back(r.id());
  return out;
}

TEST_F(ExtractorTest, SeedPublicationDateIsInferredFromLatestDate) {
  auto r = AnalyzeSeed();
  ASSERT_FALSE(ReadSeed().empty()) << "seed article not found";
  EXPECT_EQ(r.article().effective_published(), "2025-04-07");
  EXPECT_EQ(r.article().published_source(), claims::v1::DATE_SOURCE_INFERRED);
  EXPECT_EQ(r.article().article().title(),
            "Strategic Paralysis in Gaza: The Cracks in the Trump-Netanyahu Alliance");
  EXPECT_THAT(r.article().article().authors(), Contains("Evangeline Cheng"));
  EXPECT_EQ(r.article().content_hash().size(), 64u);
}

TEST_F(ExtractorTest, SeedResolvesNetanyahuInAllForms) {
  auto r = AnalyzeSeed();
  std::vector<std::string> texts;
  for (const auto& m : r.mentions()) {
    if (m.actor_id() == "benjamin-netanyahu") texts.push_back(m.text());
  }
  EXPECT_THAT(texts, Contains("Netanyahu"));
  EXPECT_THAT(texts, Contains("Benjamin Netanyahu"));
  EXPECT_THAT(texts, Contains("the Israeli PM"));
  int with_netanyahu = 0;
  for (const auto& c : r.claims()) {
    auto s = Ids(c.subjects());
    auto o = Ids(c.objects());
    if (std::count(s.begin(), s.end(), "benjamin-netanyahu") ||
        std::count(o.begin(), o.end(), "benjamin-netanyahu")) {
      ++with_netanyahu;
    }
  }
  EXPECT_GE(with_netanyahu, 4);
}

TEST_F(ExtractorTest, SeedCaptionClaimHasEventDate) {
  auto r = AnalyzeSeed();
  bool found = false;
  for (const auto& c : r.claims()) {
    if (c.section() != claims::v1::SECTION_CAPTION) continue;
    if (c.event_date() != "2025-04-07") continue;
    auto ids = Ids(c.subjects());
    auto obj = Ids(c.objects());
    ids.insert(ids.end(), obj.begin(), obj.end());
    if (std::count(ids.begin(), ids.end(), "donald-trump") &&
        std::count(ids.begin(), ids.end(), "benjamin-netanyahu")) {
      found = true;
      EXPECT_EQ(c.event_time().granularity(), claims::v1::DAY);
      EXPECT_EQ(c.event_time().end(), "2025-04-08");
    }
  }
  EXPECT_TRUE(found);
  bool oval = false;
  for (const auto& m : r.mentions()) oval |= m.text() == "Oval Office";
  EXPECT_TRUE(oval);
}

TEST_F(ExtractorTest, SeedRelativeDateAndTopics) {
  auto r = AnalyzeSeed();
  bool earlier = false;
  for (const auto& t : r.timexes()) {
    if (t.text() == "earlier this year") {
      earlier = true;
      EXPECT_EQ(t.value(), "2025");
      EXPECT_TRUE(t.relative());
    }
  }
  EXPECT_TRUE(earlier);
  bool ceasefire = false;
  for (const auto& c : r.claims()) {
    if (c.text().find("ceasefire earlier this year") != std::string::npos) {
      EXPECT_EQ(c.event_date(), "2025");
      EXPECT_THAT(c.topics(), Contains("conflict/ceasefire"));
      ceasefire = true;
    }
    EXPECT_THAT(c.id(), HasSubstr(c.article_id() + ":"));
    EXPECT_FALSE(c.extractor_version().empty());
  }
  EXPECT_TRUE(ceasefire);
}

TEST_F(ExtractorTest, SeedQuantityAndModality) {
  auto r = AnalyzeSeed();
  for (const auto& c : r.claims()) {
    if (c.text().find("over 70 per cent") != std::string::npos) {
      EXPECT_EQ(c.type(), claims::v1::QUANTITY);
      EXPECT_DOUBLE_EQ(c.quantity().value(), 70);
      EXPECT_EQ(c.quantity().unit(), "percent");
      EXPECT_EQ(c.quantity().comparator(), ">");
    }
    if (c.text().rfind("Israel reportedly planned", 0) == 0) {
      EXPECT_EQ(c.modality(), claims::v1::REPORTED);
    }
  }
}

TEST_F(ExtractorTest, RejectsBadInput) {
  claims::v1::Article a;
  a.set_body("   \n ");
  EXPECT_EQ(extractor_->Analyze(a).status().code(), absl::StatusCode::kInvalidArgument);
  a.set_body(std::string("abc\0def", 7));
  EXPECT_EQ(extractor_->Analyze(a).status().code(), absl::StatusCode::kInvalidArgument);
  a.set_body("bad \xC3\x28 utf8");
  EXPECT_EQ(extractor_->Analyze(a).status().code(), absl::StatusCode::kInvalidArgument);
  a.set_body("Fine text.");
  a.set_published("2025-13-01");
  EXPECT_EQ(extractor_->Analyze(a).status().code(), absl::StatusCode::kInvalidArgument);
  a.set_published("");
  a.set_body("Title\n- Author\n- 7 April 2025\n- extra field\nBody text here.");
  EXPECT_EQ(extractor_->Analyze(a).status().code(), absl::StatusCode::kInvalidArgument);
  a.set_body("Title\n- Author\n- not a date\nBody text here.");
  EXPECT_EQ(extractor_->Analyze(a).status().code(), absl::StatusCode::kInvalidArgument);
  a.set_body(std::string(5 << 20, 'a'));
  EXPECT_EQ(extractor_->Analyze(a).status().code(), absl::StatusCode::kResourceExhausted);
}

TEST_F(ExtractorTest, StructuredArticleUsesRequestDateAndClientId) {
  claims::v1::Article a;
  a.set_id("client-1");
  a.set_published("2019-03-04T10:00:00Z");
  a.set_body("Prime Minister Theresa May met President Donald Trump in London last month.");
  auto r = extractor_->Analyze(a);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->article().published_source(), claims::v1::DATE_SOURCE_REQUEST);
  EXPECT_EQ(r->article().article().id(), "client-1");
  ASSERT_GE(r->claims_size(), 1);
  EXPECT_EQ(r->claims(0).id(), "client-1:0");
  EXPECT_EQ(r->claims(0).event_date(), "2019-02");
  EXPECT_THAT(Ids(r->claims(0).subjects()), Contains("theresa-may"));
  EXPECT_THAT(Ids(r->claims(0).objects()), Contains("donald-trump"));
  EXPECT_EQ(r->claims(0).predicate(), "meet");
  EXPECT_EQ(r->claims(0).event_type(), "CONSULT");
}

TEST_F(ExtractorTest, SeedActorsCarryAliases) {
  auto r = AnalyzeSeed();
  bool found = false;
  for (const auto& a : r.actors()) {
    if (a.id() != "benjamin-netanyahu") continue;
    found = true;
    EXPECT_EQ(a.type(), claims::v1::PERSON);
    EXPECT_EQ(a.country(), "ISR");
    EXPECT_THAT(a.aliases(), Contains("Mr Netanyahu"));
    // Role phrases denote the holder here but are no names of his: a query
    // for "the Israeli PM" must not find him in another year.
    EXPECT_THAT(a.aliases(), Not(Contains("the Israeli PM")));
    EXPECT_THAT(a.aliases(), Not(Contains("Benjamin")));
  }
  EXPECT_TRUE(found);
  // Unlisted people become actors and their short names join them.
  std::vector<std::string> ben_gvir;
  for (const auto& m : r.mentions()) {
    if (m.actor_id() == "edan-alexander") ben_gvir.push_back(m.text());
  }
  EXPECT_THAT(ben_gvir, Contains("Edan Alexander"));
}

TEST_F(ExtractorTest, HostileInputIsBounded) {
  claims::v1::Article a;
  std::string body;
  for (int i = 0; i < 200000; ++i) body += "Word ";  // 1 MB, no punctuation
  a.set_body(body);
  auto r = extractor_->Analyze(a);
  ASSERT_TRUE(r.ok()) << r.status();
  for (const auto& s : r->sentences()) EXPECT_LE(s.end() - s.start(), 2000u);
}

TEST(ExtractorLimitsTest, TooManySentences) {
  ExtractorConfig config;
  config.kb_dir = DataDir() + "/kb";
  config.taxonomy_file = DataDir() + "/taxonomy/topics.jsonl";
  config.max_sentences = 3;
  auto e = Extractor::Create(config);
  ASSERT_TRUE(e.ok()) << e.status();
  claims::v1::Article a;
  a.set_body("One. Two. Three. Four. Five.");
  EXPECT_EQ((*e)->Analyze(a).status().code(), absl::StatusCode::kResourceExhausted);
}

TEST(ExtractorLimitsTest, BadDataFilesAreReported) {
  ExtractorConfig config;
  config.kb_dir = DataDir() + "/kb";
  config.taxonomy_file = DataDir() + "/no-such-topics.jsonl";
  EXPECT_FALSE(Extractor::Create(config).ok());
  std::string extra = ::testing::TempDir() + "/bad_extra.jsonl";
  std::ofstream(extra) << "{not json\n";
  config.taxonomy_file = DataDir() + "/taxonomy/topics.jsonl";
  config.kb_extra_file = extra;
  auto e = Extractor::Create(config);
  EXPECT_EQ(e.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(e.status().message()), HasSubstr("bad_extra.jsonl:1"));
}

// A sub-national office (owner: an ISO 3166-2 code) resolves from a
// subdivision named with the title, like a country's.
TEST(ExtractorKbTest, SubdivisionOwnsATitle) {
  std::string extra = ::testing::TempDir() + "/subdivision_office.jsonl";
  std::ofstream(extra)
      << R"({"id": "ann-exampleton", "name": "Ann Exampleton", "type": "PERSON", )"
      << R"("offices": [{"title": "premier", "country": "CA-QC", "start": "2030-01-01"}]})"
      << "\n";
  ExtractorConfig config;
  config.kb_dir = DataDir() + "/kb";
  config.taxonomy_file = DataDir() + "/taxonomy/topics.jsonl";
  config.kb_extra_file = extra;
  auto e = Extractor::Create(config);
  ASSERT_TRUE(e.ok()) << e.status();
  claims::v1::Article a;
  a.set_body("The Quebec premier said the talks would resume.");
  a.set_published("2031-05-02");
  auto r = (*e)->Analyze(a);
  ASSERT_TRUE(r.ok()) << r.status();
  std::vector<std::string> ids;
  for (const auto& m : r->mentions()) ids.push_back(m.actor_id());
  EXPECT_THAT(ids, Contains("ann-exampleton"));
}

TEST_F(ExtractorTest, SameTextSameDerivedId) {
  claims::v1::Article a;
  a.set_body("The UN Security Council met on Monday.");
  auto r1 = extractor_->Analyze(a);
  auto r2 = extractor_->Analyze(a);
  ASSERT_TRUE(r1.ok() && r2.ok());
  EXPECT_EQ(r1->article().article().id(), r2->article().article().id());
  EXPECT_FALSE(r1->article().article().id().empty());
}

}  // namespace
}  // namespace claims
