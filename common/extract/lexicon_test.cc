// The lexicon over the shipped data files (knowledge/extract).
#include "common/extract/lexicon.h"

#include <memory>
#include <string>

#include "gtest/gtest.h"

namespace claims {
namespace {

const Lexicon& Shipped() {
  static const Lexicon* const lexicon = [] {
    auto l = Lexicon::Load(CLAIMS_SOURCE_DATA_DIR "/extract");
    if (!l.ok()) {
      ADD_FAILURE() << l.status();
      std::abort();
    }
    return l->release();
  }();
  return *lexicon;
}

// Where two verbs could give a form ("hop" and "hope"), English spelling
// decides: a one-syllable stem doubles its last consonant before "-ing",
// and "-es" follows only a sibilant or "o".
TEST(LexiconTest, VerbLemmasFollowEnglishSpelling) {
  const Lexicon& lex = Shipped();
  for (const auto& [form, lemma] : std::vector<std::pair<std::string, std::string>>{
           {"hopes", "hope"}, {"hoping", "hope"}, {"hopping", "hop"}, {"waging", "wage"},
           {"staring", "stare"}, {"fixes", "fix"}, {"goes", "go"}, {"pushes", "push"},
           {"releases", "release"}, {"visiting", "visit"}, {"opening", "open"},
           {"eating", "eat"}, {"showing", "show"}, {"hoped", "hope"}}) {
    EXPECT_EQ(lex.VerbLemma(form), lemma) << form;
  }
}

}  // namespace
}  // namespace claims
