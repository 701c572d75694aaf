#include "common/text/tokenizer.h"

#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "gtest/gtest.h"

namespace claims::text {
namespace {

std::string Tokens(const std::string& s) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(s, 0, s.size())) {
    out.push_back(std::string(t.text) + (t.possessive ? "/P" : ""));
  }
  return absl::StrJoin(out, " | ");
}

TEST(TokenizerTest, DatelineLengthCountsTheDatelineAndItsDash) {
  auto length = [](absl::string_view text) {
    return DatelineLength(Tokenize(text, 0, text.size()));
  };
  EXPECT_EQ(length("MADRID - The strike goes on."), 2);
  EXPECT_EQ(length("KYIV, July 15 (Reuters) - Talks resumed."), 8);
  EXPECT_EQ(length("The strike goes on - for now."), 0);
  EXPECT_EQ(length("NATO said the drills - its largest - would go on."), 0);
}

TEST(TokenizerTest, SplitsPunctuationAndPossessives) {
  EXPECT_EQ(Tokens("Iran's weakened military, (reportedly)."),
            "Iran | 's/P | weakened | military | , | ( | reportedly | ) | .");
  EXPECT_EQ(Tokens("Mr Trump\xE2\x80\x99s camp"), "Mr | Trump | \xE2\x80\x99s/P | camp");
  EXPECT_EQ(Tokens("the leaders' views"), "the | leaders | '/P | views");
}

TEST(TokenizerTest, KeepsAbbreviationsHyphensAndInitials) {
  EXPECT_EQ(Tokens("U.S. and J.D. Vance met Ben-Gvir."),
            "U.S. | and | J.D. | Vance | met | Ben-Gvir | .");
}

TEST(TokenizerTest, SplitsDashesSlashesAndNegation) {
  EXPECT_EQ(Tokens("Gaza\xE2\x80\x94Israel Dietsch/Getty can't"),
            "Gaza | \xE2\x80\x94 | Israel | Dietsch | / | Getty | ca | n't");
}

TEST(TokenizerTest, ClassifiesTokens) {
  std::string s = "NATO Paris 70 per";
  auto t = Tokenize(s, 0, s.size());
  ASSERT_EQ(t.size(), 4u);
  EXPECT_TRUE(t[0].all_caps);
  EXPECT_TRUE(t[1].capitalized);
  EXPECT_FALSE(t[1].all_caps);
  EXPECT_TRUE(t[2].is_number);
  EXPECT_FALSE(t[3].capitalized);
}

TEST(TokenizerTest, CapsTokenCount) {
  std::string s;
  for (int i = 0; i < 1000; ++i) s += "a ";
  EXPECT_EQ(Tokenize(s, 0, s.size(), 50).size(), 50u);
}

}  // namespace
}  // namespace claims::text
