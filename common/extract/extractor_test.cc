#include "common/extract/extractor.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/extract/extractor_testing.h"
#include "common/testing/scratch.h"
#include "common/util/bundled_data.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace claims {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string DataDir() { return BundledDataDir(); }

// The analysis articles the seed tests run on: the shared seed (skipped when
// ../shared is absent) and an article the project wrote in the same layout,
// which exercises the same behaviour on other people, places and dates.
struct LayoutArticle {
  const char* name;
  std::string path;
  const char* published;           // inferred from the latest explicit date
  const char* title;
  const char* author;
  const char* leader_id;           // a KB person named in several forms
  std::vector<const char*> leader_forms;
  const char* leader_country;
  std::vector<const char*> leader_aliases;
  const char* other_leader_id;     // shares the caption claim
  const char* caption_date;
  const char* caption_end;
  const char* caption_place;       // a mention in the caption
  const char* relative_value;      // value of "earlier this year"
  const char* ceasefire_text;      // a claim about a ceasefire
  const char* ceasefire_topic;     // ... and a topic it carries (or one below it)
  const char* quantity_text;
  double quantity_value;
  const char* reported_prefix;     // a sentence with "reportedly"
  const char* unlisted_id;         // a person no data file lists
  const char* unlisted_name;
};

// Test names show the article, not its bytes.
void PrintTo(const LayoutArticle& article, std::ostream* os) {
  *os << article.name;
}

std::string SharedDir() {
  const char* shared = std::getenv("CLAIMS_SHARED_DIR");
  return shared != nullptr ? shared : "../shared";
}

std::vector<LayoutArticle> LayoutArticles() {
  return {
      {"Seed", SharedDir() + "/eval/seed-article.txt", "2025-04-07",
       "Strategic Paralysis in Gaza: The Cracks in the Trump-Netanyahu Alliance",
       "Evangeline Cheng", "benjamin-netanyahu",
       {"Netanyahu", "Benjamin Netanyahu", "the Israeli PM"}, "ISR",
       {"Mr Netanyahu"}, "donald-trump", "2025-04-07",
       "2025-04-08", "Oval Office", "2025", "ceasefire earlier this year",
       "conflict/ceasefire", "over 70 per cent", 70, "Israel reportedly planned", "edan-alexander",
       "Edan Alexander"},
      {"ProjectExample",
       std::string(CLAIMS_SOURCE_EXAMPLES_DIR) + "/berlin-paris-budget-rift.txt",
       "2024-03-15", "Fiscal Fault Lines: The Quiet Rift Between Berlin and Paris",
       "Marta Lindqvist", "olaf-scholz",
       {"Scholz", "Olaf Scholz", "the German Chancellor"}, "DEU",
       {"Mr Scholz"}, "emmanuel-macron", "2024-03-15",
       "2024-03-16", "Elysee Palace", "2024", "ceasefire between the coalition",
       // A truce between coalition partners is politics (the governing
       // coalition), not war.
       "politics/government", "Over 60 per cent", 60, "Berlin reportedly planned", "henrike-vossberg",
       "Henrike Vossberg"},
  };
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class ExtractorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { extractor_ = &BundledExtractor(); }
  static const Extractor* extractor_;
};
const Extractor* ExtractorTest::extractor_ = nullptr;

// The layout-article checks, once per article.
class LayoutArticleTest : public ExtractorTest,
                          public ::testing::WithParamInterface<LayoutArticle> {
 protected:
  void SetUp() override {
    text_ = ReadFile(GetParam().path);
    if (text_.empty()) {
      GTEST_SKIP() << GetParam().path
                   << " is absent (../shared is not beside the repository); "
                      "the ProjectExample case checks the same behaviour";
    }
    claims::v1::Article a;
    a.set_body(text_);
    auto r = extractor_->Analyze(a);
    ASSERT_TRUE(r.ok()) << r.status();
    r_ = *std::move(r);
  }
  std::string text_;
  claims::v1::AnalyzeResponse r_;
};

std::vector<std::string> Ids(
    const google::protobuf::RepeatedPtrField<claims::v1::ActorRef>& refs) {
  std::vector<std::string> out;
  for (const auto& r : refs) out.push_back(r.id());
  return out;
}

TEST_P(LayoutArticleTest, PublicationDateIsInferredFromLatestDate) {
  const LayoutArticle& p = GetParam();
  EXPECT_EQ(r_.article().effective_published(), p.published);
  EXPECT_EQ(r_.article().published_source(), claims::v1::DATE_SOURCE_INFERRED);
  EXPECT_EQ(r_.article().article().title(), p.title);
  EXPECT_THAT(r_.article().article().authors(), Contains(p.author));
  EXPECT_EQ(r_.article().content_hash().size(), 64u);
}

TEST_P(LayoutArticleTest, ResolvesLeaderInAllForms) {
  const LayoutArticle& p = GetParam();
  std::vector<std::string> texts;
  for (const auto& m : r_.mentions()) {
    if (m.actor_id() == p.leader_id) texts.push_back(m.text());
  }
  for (const char* form : p.leader_forms) EXPECT_THAT(texts, Contains(form));
  int with_leader = 0;
  for (const auto& c : r_.claims()) {
    auto s = Ids(c.subjects());
    auto o = Ids(c.objects());
    if (std::count(s.begin(), s.end(), p.leader_id) ||
        std::count(o.begin(), o.end(), p.leader_id)) {
      ++with_leader;
    }
  }
  EXPECT_GE(with_leader, 4);
}

TEST_P(LayoutArticleTest, CaptionClaimHasEventDate) {
  const LayoutArticle& p = GetParam();
  bool found = false;
  for (const auto& c : r_.claims()) {
    if (c.section() != claims::v1::SECTION_CAPTION) continue;
    if (c.event_date() != p.caption_date) continue;
    auto ids = Ids(c.subjects());
    auto obj = Ids(c.objects());
    ids.insert(ids.end(), obj.begin(), obj.end());
    if (std::count(ids.begin(), ids.end(), p.other_leader_id) &&
        std::count(ids.begin(), ids.end(), p.leader_id)) {
      found = true;
      EXPECT_EQ(c.event_time().granularity(), claims::v1::DAY);
      EXPECT_EQ(c.event_time().end(), p.caption_end);
    }
  }
  EXPECT_TRUE(found);
  bool place = false;
  for (const auto& m : r_.mentions()) place |= m.text() == p.caption_place;
  EXPECT_TRUE(place);
}

TEST_P(LayoutArticleTest, RelativeDateAndTopics) {
  const LayoutArticle& p = GetParam();
  bool earlier = false;
  for (const auto& t : r_.timexes()) {
    if (t.text() == "earlier this year") {
      earlier = true;
      EXPECT_EQ(t.value(), p.relative_value);
      EXPECT_TRUE(t.relative());
    }
  }
  EXPECT_TRUE(earlier);
  bool ceasefire = false;
  for (const auto& c : r_.claims()) {
    if (c.text().find(p.ceasefire_text) != std::string::npos) {
      EXPECT_EQ(c.event_date(), p.relative_value);
      EXPECT_THAT(c.topics(), Contains(StartsWith(p.ceasefire_topic)));
      ceasefire = true;
    }
    EXPECT_THAT(c.id(), HasSubstr(c.article_id() + ":"));
    EXPECT_FALSE(c.extractor_version().empty());
  }
  EXPECT_TRUE(ceasefire);
}

TEST_P(LayoutArticleTest, QuantityAndModality) {
  const LayoutArticle& p = GetParam();
  bool quantity = false, reported = false;
  for (const auto& c : r_.claims()) {
    if (c.text().find(p.quantity_text) != std::string::npos) {
      quantity = true;
      EXPECT_EQ(c.type(), claims::v1::QUANTITY);
      EXPECT_DOUBLE_EQ(c.quantity().value(), p.quantity_value);
      EXPECT_EQ(c.quantity().unit(), "percent");
      EXPECT_EQ(c.quantity().comparator(), ">");
    }
    if (c.text().rfind(p.reported_prefix, 0) == 0 &&
        c.modality() == claims::v1::REPORTED) {
      reported = true;
    }
  }
  EXPECT_TRUE(quantity);
  EXPECT_TRUE(reported);
}

TEST_P(LayoutArticleTest, ActorsCarryAliases) {
  const LayoutArticle& p = GetParam();
  bool found = false;
  for (const auto& a : r_.actors()) {
    if (a.id() != p.leader_id) continue;
    found = true;
    EXPECT_EQ(a.type(), claims::v1::PERSON);
    EXPECT_EQ(a.country(), p.leader_country);
    for (const char* alias : p.leader_aliases) {
      EXPECT_THAT(a.aliases(), Contains(alias));
    }
    // Role phrases ("the Israeli PM") denote the holder here but are no
    // names of theirs: a query for one must not find them in another year.
    for (const std::string& alias : a.aliases()) {
      EXPECT_FALSE(absl::StartsWith(alias, "the ")) << alias;
    }
  }
  EXPECT_TRUE(found);
  // Unlisted people become actors and their short names join them.
  std::vector<std::string> unlisted;
  for (const auto& m : r_.mentions()) {
    if (m.actor_id() == p.unlisted_id) unlisted.push_back(m.text());
  }
  EXPECT_THAT(unlisted, Contains(p.unlisted_name));
}

INSTANTIATE_TEST_SUITE_P(
    Articles, LayoutArticleTest, ::testing::ValuesIn(LayoutArticles()),
    [](const ::testing::TestParamInfo<LayoutArticle>& info) {
      return std::string(info.param.name);
    });

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

// Verbs that SemCor only saw as nouns ("chair", "host", "table") are
// verbs where the tagger reads them so, not nouns by the dictionary.
TEST_F(ExtractorTest, NounsThatAreVerbsTooMakePredicates) {
  claims::v1::Article a;
  a.set_published("2023-05-18");
  a.set_body("Japan hosts the Group of Seven summit in Hiroshima. Ingrid Halvorsen, who chairs "
             "the committee, tables a motion on Friday.");
  auto r = extractor_->Analyze(a);
  ASSERT_TRUE(r.ok()) << r.status();
  std::vector<std::string> predicates;
  for (const auto& c : r->claims()) predicates.push_back(c.predicate());
  EXPECT_THAT(predicates, Contains("host"));
  EXPECT_THAT(predicates, Contains("chair"));
  EXPECT_THAT(predicates, Contains("table"));
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
  ExtractorConfig config = BundledExtractorConfig();
  config.max_sentences = 3;
  auto e = Extractor::Create(config);
  ASSERT_TRUE(e.ok()) << e.status();
  claims::v1::Article a;
  a.set_body("One. Two. Three. Four. Five.");
  EXPECT_EQ((*e)->Analyze(a).status().code(), absl::StatusCode::kResourceExhausted);
}

TEST(ExtractorLimitsTest, BadDataFilesAreReported) {
  ExtractorConfig config = BundledExtractorConfig();
  config.taxonomy_file = DataDir() + "/no-such-topics.jsonl";
  EXPECT_FALSE(Extractor::Create(config).ok());
  std::string extra = ScratchPath("bad_extra.jsonl");
  std::ofstream(extra) << "{not json\n";
  config.taxonomy_file = DataDir() + "/taxonomy/topics.jsonl";
  config.kb_extra_file = extra;
  auto e = Extractor::Create(config);
  EXPECT_EQ(e.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(e.status().message()), HasSubstr("bad_extra.jsonl:1"));
}

// A verb listed twice in verb_classes.tsv would lose one of its classes
// without a word: the lexicon refuses it, naming the file and the verb.
TEST(ExtractorLimitsTest, AVerbWithTwoClassesIsReported) {
  const std::string dir = ScratchPath("extract_with_duplicate");
  std::filesystem::remove_all(dir);
  std::filesystem::copy(DataDir() + "/extract", dir, std::filesystem::copy_options::recursive);
  std::ofstream(dir + "/verb_classes.tsv", std::ios::app) << "say\tEVENT\t-\n";
  ExtractorConfig config = BundledExtractorConfig();
  config.lexicon_dir = dir;
  auto e = Extractor::Create(config);
  EXPECT_EQ(e.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(e.status().message()), HasSubstr("verb_classes.tsv"));
  EXPECT_THAT(std::string(e.status().message()), HasSubstr("\"say\""));
  std::filesystem::remove_all(dir);
}

// A sub-national office (owner: an ISO 3166-2 code) resolves from a
// subdivision named with the title, like a country's.
TEST(ExtractorKbTest, SubdivisionOwnsATitle) {
  std::string extra = ScratchPath("subdivision_office.jsonl");
  std::ofstream(extra)
      << R"({"id": "ann-exampleton", "name": "Ann Exampleton", "type": "PERSON", )"
      << R"("offices": [{"title": "premier", "country": "CA-QC", "start": "2030-01-01"}]})"
      << "\n";
  ExtractorConfig config = BundledExtractorConfig();
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


namespace topics_end_to_end {

// Topics and their evidence cues of the claims of the sentence starting with
// `start`, as "topic <- cue; ...".
std::string TopicsOf(const claims::v1::AnalyzeResponse& r, const std::string& start) {
  std::vector<std::string> out;
  for (const auto& c : r.claims()) {
    if (!absl::StartsWith(c.text(), start)) continue;
    for (const auto& e : c.evidence()) {
      if (e.field() == "topics") out.push_back(e.cue());
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return absl::StrJoin(out, "; ");
}

class TopicStageEndToEndTest : public ::testing::TestWithParam<bool> {
 protected:
  absl::StatusOr<claims::v1::AnalyzeResponse> Analyze(const std::string& body) {
    ExtractorConfig config = BundledExtractorConfig();
    config.inherit_article_topics = GetParam();
    auto e = Extractor::Create(config);
    if (!e.ok()) return e.status();
    claims::v1::Article a;
    a.set_body(body);
    a.set_published("2024-03-05");
    return (*e)->Analyze(a);
  }
};

TEST_P(TopicStageEndToEndTest, StrikeReadsByTheStoryAndNeutralSentencesInherit) {
  auto labour = Analyze(
      "Workers at Renault walked out on Tuesday in a strike over pensions. "
      "The CGT union said the strike would continue until Friday. "
      "Renault is based in Boulogne-Billancourt.");
  ASSERT_TRUE(labour.ok()) << labour.status();
  ASSERT_GT(labour->article().topics_size(), 0);
  EXPECT_EQ(labour->article().topics(0), "labour/relations/strike");
  EXPECT_THAT(TopicsOf(*labour, "The CGT union"), HasSubstr("labour/relations/strike <- strike"));
  EXPECT_THAT(TopicsOf(*labour, "The CGT union"), Not(HasSubstr("conflict")));
  // A neutral sentence of the story takes the article's topic, when asked to.
  EXPECT_EQ(TopicsOf(*labour, "Renault is based"),
            GetParam() ? "labour/relations/strike <- article" : "");

  auto war = Analyze(
      "Russian missiles and drones hit Kyiv on Monday night. "
      "Ukraine said the strike killed three people.");
  ASSERT_TRUE(war.ok()) << war.status();
  EXPECT_THAT(TopicsOf(*war, "Ukraine said"), HasSubstr("conflict/armed-conflict"));
  EXPECT_THAT(TopicsOf(*war, "Ukraine said"), Not(HasSubstr("labour")));
  ASSERT_GT(war->article().topics_size(), 0);
  EXPECT_THAT(war->article().topics(0), ::testing::StartsWith("conflict/"));
}

INSTANTIATE_TEST_SUITE_P(Inherit, TopicStageEndToEndTest, ::testing::Bool());

}  // namespace topics_end_to_end

}  // namespace
}  // namespace claims
