// Coreference behaviours, checked through the whole extractor (so the real
// syntax models, knowledge base and reference words are used), plus the
// reference-word file's validation.
#include "common/extract/coreference.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "common/extract/extractor.h"
#include "common/extract/extractor_testing.h"
#include "common/testing/scratch.h"
#include "gtest/gtest.h"

namespace claims {
namespace {

class CoreferenceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { extractor_ = &BundledExtractor(); }

  // "text=actor_id" for each mention the coreference stage added.
  static std::string Links(const std::string& body,
                           const std::string& date = "2023-05-10") {
    claims::v1::Article a;
    a.set_body(body);
    a.set_published(date);
    auto r = extractor_->Analyze(a);
    if (!r.ok()) return r.status().ToString();
    std::vector<std::string> out;
    for (const auto& m : r->mentions()) {
      if (m.kind() == claims::v1::MENTION_COREFERENCE) {
        out.push_back(m.text() + "=" + m.actor_id());
      }
    }
    return absl::StrJoin(out, " ");
  }
  static const Extractor* extractor_;
};
const Extractor* CoreferenceTest::extractor_ = nullptr;

TEST_F(CoreferenceTest, APronounSubjectLinksToTheSalientSubjectBeforeIt) {
  EXPECT_EQ(Links("Olaf Scholz met Emmanuel Macron in Berlin on Monday. "
                  "He said the talks had been useful."),
            "He=olaf-scholz");
}

TEST_F(CoreferenceTest, EveryMentionSaysHowItRefers) {
  claims::v1::Article a;
  a.set_body(
      "Olaf Scholz arrived in Paris on Monday. The chancellor said he was "
      "pleased.");
  a.set_published("2023-05-10");
  auto r = extractor_->Analyze(a);
  ASSERT_TRUE(r.ok()) << r.status();
  std::vector<std::string> kinds;
  for (const auto& m : r->mentions()) {
    kinds.push_back(m.text() + ":" + claims::v1::MentionKind_Name(m.kind()));
  }
  EXPECT_EQ(
      absl::StrJoin(kinds, " "),
      "Olaf Scholz:MENTION_NAME Paris:MENTION_NAME The chancellor:MENTION_ROLE "
      "he:MENTION_COREFERENCE");
}

TEST_F(CoreferenceTest, GenderFromAnHonorificDecides) {
  EXPECT_EQ(Links("Ms Varga met Mr Brenner in Leeds on Tuesday. "
                  "She said the deal was close."),
            "She=varga");
}

TEST_F(CoreferenceTest, GenderFromAGivenNameDecides) {
  EXPECT_EQ(Links("Olaf Scholz met Angela Merkel in Berlin on Monday. "
                  "She said the talks had been useful."),
            "She=angela-merkel");
}

TEST_F(CoreferenceTest, CoArgumentsOfOneVerbNeverCorefer) {
  EXPECT_EQ(Links("Karl Weber met Tomas Brenner on Monday. "
                  "Weber praised him warmly."),
            "him=tomas-brenner");
}

TEST_F(CoreferenceTest, NoCataphora) {
  EXPECT_EQ(
      Links("He arrived late on Monday. Olaf Scholz then spoke to reporters."),
      "");
}

TEST_F(CoreferenceTest, APossessiveMayBindTheSubjectOfItsOwnClause) {
  EXPECT_EQ(Links("Olaf Scholz defended his budget on Monday."),
            "his=olaf-scholz");
}

// On GUM train most "it" and "they" are things and people, not actors.
TEST_F(CoreferenceTest, NeuterAndPluralPronounsAreLeftAlone) {
  EXPECT_EQ(Links("Volkswagen said on Tuesday that its sales had fallen. "
                  "They would recover next year, it said."),
            "");
}

TEST_F(CoreferenceTest, HeadingsReferToNobody) {
  EXPECT_EQ(
      Links("Olaf Scholz spoke in Berlin on Monday.\n\nAbout the Author\n\n"
            "Anna Berg writes about German politics."),
      "");
}

TEST_F(CoreferenceTest, ExpletiveItIsLeftAlone) {
  EXPECT_EQ(Links("Siemens reported higher profits on Tuesday. "
                  "It is likely that prices will rise."),
            "");
}

TEST_F(CoreferenceTest, DefiniteDescriptionsLinkByTypeAndRole) {
  EXPECT_EQ(Links("Siemens reported higher profits on Tuesday. "
                  "The company said demand was strong."),
            "The company=siemens");
  // Nouns for a kind of company refer to one as "the company" does.
  EXPECT_EQ(Links("Shares of Nvidia rose 4% after the chipmaker reported record revenue."),
            "the chipmaker=nvidia");
}

// A person the article described by another noun is not the description's
// antecedent; one described by the same noun, or not at all, is.
TEST_F(CoreferenceTest, ADescriptionSkipsAPersonDescribedOtherwise) {
  EXPECT_EQ(Links("Senator Clara Mendes criticised the budget on Monday. "
                  "The minister told reporters that taxes would not rise."),
            "");
  EXPECT_EQ(Links("Ines Duarte, a novelist from Porto, won the prize on Monday. "
                  "The novelist said she was surprised."),
            "The novelist=ines-duarte she=ines-duarte");
  EXPECT_EQ(Links("Ines Duarte won the prize on Monday. "
                  "The novelist said she was surprised."),
            "The novelist=ines-duarte she=ines-duarte");
}

TEST_F(CoreferenceTest, AgeDescriptionAndPronounOfADiscoveredPerson) {
  EXPECT_EQ(Links("Jane Smithfield was elected to the council on Thursday. "
                  "The 45-year-old said she would fight the closure."),
            "The 45-year-old=jane-smithfield she=jane-smithfield");
}

TEST_F(CoreferenceTest, AnActorNamedTooFarBackIsNotLinked) {
  EXPECT_EQ(
      Links("Olaf Scholz arrived in Paris on Monday. The weather was cold. "
            "Trains were late. Shops were closed. Rain fell all day. "
            "He said nothing."),
      "");
}

TEST(ReferenceWordsTest, AMalformedRowNamesFileAndLine) {
  const std::string dir = ScratchPath("coref_words");
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/given_name_genders.tsv") << "olaf\tm\n";
  std::ofstream(dir + "/references.tsv")
      << "# comment\nhe\tpronoun\tPERSON\tm\t-\n"
      << "she\tpronoun\tHUMAN\tf\t-\n";
  auto loaded = SalienceCoreference::Load(dir);
  ASSERT_FALSE(loaded.ok());
  EXPECT_TRUE(absl::StrContains(loaded.status().message(), "references.tsv:3"))
      << loaded.status();
}

TEST(ReferenceWordsTest, TheShippedFileLoads) {
  auto loaded = SalienceCoreference::Load(std::string(CLAIMS_SOURCE_DATA_DIR) +
                                          "/extract");
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  const ReferenceWord* he = (*loaded)->Find("he");
  ASSERT_NE(he, nullptr);
  EXPECT_EQ(he->gender, 'm');
  EXPECT_EQ((*loaded)->HonorificGender("ms"), 'f');
  EXPECT_EQ((*loaded)->Find("parliament"), nullptr);
}

}  // namespace
}  // namespace claims
