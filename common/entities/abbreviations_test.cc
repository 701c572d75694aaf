#include "common/entities/abbreviations.h"

#include "absl/strings/str_split.h"
#include "gtest/gtest.h"

namespace claims::entities {
namespace {

// Words of a sentence written for these tests, split at spaces.
syntax::SyntaxSentence Words(const std::string& text) {
  syntax::SyntaxSentence words;
  for (absl::string_view w : absl::StrSplit(text, ' ', absl::SkipEmpty())) {
    words.emplace_back().form = std::string(w);
  }
  return words;
}

int OpenBracket(const syntax::SyntaxSentence& words) {
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].form == "(") return static_cast<int>(i);
  }
  return -1;
}

struct Case {
  const char* text;
  int begin;  // -1: no definition
};

TEST(FindDefinitionTest, LongFormsOfShortForms) {
  const Case cases[] = {
      {"The Mara Valley Growers ' Union ( MVGU ) met .", 1},
      {"members of the Liga de Pescadores do Norte ( LPN ) voted", 3},
      {"the Kivu People 's Liberation Movement ( KPLM ) said", 1},
      {"a report by Anti-Corruption Watch ( ACW ) found", 3},
      {"shares of Tamsin Bay Holdings Ltd. ( TBH ) rose", 2},
      // Letters inside words too: "Bank of England" for "BoE".
      {"the Bank of England ( BoE ) said", 1},
  };
  for (const Case& c : cases) {
    const syntax::SyntaxSentence words = Words(c.text);
    const std::optional<AbbreviationDefinition> d = FindDefinition(words, OpenBracket(words));
    ASSERT_TRUE(d.has_value()) << c.text;
    EXPECT_EQ(d->begin, c.begin) << c.text;
    EXPECT_EQ(d->end, OpenBracket(words)) << c.text;
    EXPECT_EQ(d->short_form, OpenBracket(words) + 1) << c.text;
  }
}

TEST(FindDefinitionTest, BracketsThatDefineNothing) {
  const char* cases[] = {
      "he said on Tuesday ( ET ) that",            // one word, lower case before
      "Senator Ruth Alder ( D ) said",             // one letter
      "the Federal Reserve ( Fed ) said",          // one capital
      "Prime Minister Tomas Ruiz ( BJP ) said",    // letters not in the words
      "the talks , held in Oslo ( NOR ) , ended",  // a comma inside the run
      "he joined the party of workers ( POW )",    // lower-case run
  };
  for (const char* text : cases) {
    const syntax::SyntaxSentence words = Words(text);
    EXPECT_FALSE(FindDefinition(words, OpenBracket(words)).has_value()) << text;
  }
}

TEST(JoinDefinedNamesTest, PiecesBecomeOneOrganisation) {
  // "Mara Valley" | "Union ( MVGU )" as a tagger might cut them.
  const syntax::SyntaxSentence words = Words("The Mara Valley Growers ' Union ( MVGU ) met .");
  std::vector<EntitySpan> names = {{1, 3, EntityType::kLocation},
                                   {5, 9, EntityType::kOrganization}};
  JoinDefinedNames(words, &names);
  EXPECT_EQ(names, (std::vector<EntitySpan>{{1, 6, EntityType::kOrganization}}));
}

TEST(JoinDefinedNamesTest, ShortFormNameStaysAndAgreeingPiecesKeepTheirType) {
  const syntax::SyntaxSentence words = Words("Crown Prince Ahmed bin Faisal ( ABF ) arrived");
  std::vector<EntitySpan> names = {{2, 3, EntityType::kPerson},
                                   {4, 5, EntityType::kPerson},
                                   {6, 7, EntityType::kOrganization}};
  JoinDefinedNames(words, &names);
  EXPECT_EQ(names, (std::vector<EntitySpan>{{2, 5, EntityType::kPerson},
                                            {6, 7, EntityType::kOrganization}}));
}

TEST(JoinDefinedNamesTest, APieceAtOneEndSaysNothingOfTheType) {
  const syntax::SyntaxSentence words = Words("the Instituto Raizes do Xingu ( IRX ) works");
  std::vector<EntitySpan> names = {{4, 5, EntityType::kPerson}};
  JoinDefinedNames(words, &names);
  EXPECT_EQ(names, (std::vector<EntitySpan>{{1, 5, EntityType::kOrganization}}));
}

TEST(JoinDefinedNamesTest, ExactOrLongerNamesStay) {
  const syntax::SyntaxSentence exact = Words("the World Health Organization ( WHO ) said");
  std::vector<EntitySpan> names = {{1, 4, EntityType::kOrganization}};
  JoinDefinedNames(exact, &names);
  EXPECT_EQ(names, (std::vector<EntitySpan>{{1, 4, EntityType::kOrganization}}));

  // The match found a shorter run than the name the tagger saw.
  const syntax::SyntaxSentence longer = Words("the Federal Reserve Bank of New York ( NY ) said");
  names = {{1, 7, EntityType::kOrganization}};
  JoinDefinedNames(longer, &names);
  EXPECT_EQ(names, (std::vector<EntitySpan>{{1, 7, EntityType::kOrganization}}));
}

}  // namespace
}  // namespace claims::entities
