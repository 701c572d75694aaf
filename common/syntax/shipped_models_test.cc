// The shipped models (knowledge/models) on sentences written for this test,
// annotated by hand before the models were run on them. Whole-corpus
// figures are checked by the models_as_recorded test.
#include <cstdlib>
#include <string>

#include "absl/strings/str_split.h"
#include "common/syntax/syntax_models.h"
#include "gtest/gtest.h"

namespace claims::syntax {
namespace {

class ShippedModelsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const char* dir = std::getenv("CLAIMS_DATA_DIR");
    absl::StatusOr<SyntaxModels> m =
        SyntaxModels::Load(std::string(dir ? dir : CLAIMS_SOURCE_DATA_DIR) + "/models");
    ASSERT_TRUE(m.ok()) << m.status();
    models_ = new SyntaxModels(*std::move(m));
  }
  static void TearDownTestSuite() { delete models_; }

  // Analyses a sentence given as space-separated words.
  SyntaxSentence Analyze(const std::string& text) {
    SyntaxSentence s;
    for (absl::string_view w : absl::StrSplit(text, ' ')) {
      SyntaxWord word;
      word.form = std::string(w);
      s.push_back(std::move(word));
    }
    models_->Analyze(&s);
    return s;
  }
  static int Find(const SyntaxSentence& s, const std::string& form) {
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i].form == form) return static_cast<int>(i);
    }
    ADD_FAILURE() << "no word " << form;
    return 0;
  }
  // "dep --rel--> head" holds.
  static void ExpectArc(const SyntaxSentence& s, const std::string& dep, DepRel rel,
                        const std::string& head) {
    const SyntaxWord& d = s[Find(s, dep)];
    ASSERT_GE(d.head, 0) << dep << " is the root";
    EXPECT_EQ(s[d.head].form, head) << dep;
    EXPECT_EQ(DepRelName(d.rel), DepRelName(rel)) << dep;
  }
  static void ExpectRoot(const SyntaxSentence& s, const std::string& form) {
    EXPECT_EQ(s[Find(s, form)].head, -1) << form << " is not the root";
  }

  static SyntaxModels* models_;
};
SyntaxModels* ShippedModelsTest::models_ = nullptr;

TEST_F(ShippedModelsTest, ReportedSpeechWithThatlessComplement) {
  const SyntaxSentence s = Analyze("Police said Ferguson posed a danger to the public .");
  ExpectRoot(s, "said");
  ExpectArc(s, "Police", DepRel::kNsubj, "said");
  ExpectArc(s, "posed", DepRel::kCcomp, "said");
  ExpectArc(s, "Ferguson", DepRel::kNsubj, "posed");
  ExpectArc(s, "danger", DepRel::kObj, "posed");
  EXPECT_EQ(s[Find(s, "said")].lemma, "say");
  EXPECT_EQ(s[Find(s, "Ferguson")].upos, Upos::kPropn);
}

TEST_F(ShippedModelsTest, FrontedQuoteIsTheMainClause) {
  const SyntaxSentence s = Analyze("Labour will not back the bill , Mr Brown said .");
  ExpectRoot(s, "back");
  ExpectArc(s, "Labour", DepRel::kNsubj, "back");
  ExpectArc(s, "bill", DepRel::kObj, "back");
  ExpectArc(s, "not", DepRel::kAdvmod, "back");
  ExpectArc(s, "said", DepRel::kParataxis, "back");
  ExpectArc(s, "Brown", DepRel::kNsubj, "said");
}

TEST_F(ShippedModelsTest, PassiveWithAgent) {
  const SyntaxSentence s = Analyze("The bill was passed by Parliament on Tuesday .");
  ExpectRoot(s, "passed");
  ExpectArc(s, "bill", DepRel::kNsubjPass, "passed");
  ExpectArc(s, "was", DepRel::kAuxPass, "passed");
  ExpectArc(s, "Parliament", DepRel::kOblAgent, "passed");
  EXPECT_EQ(s[Find(s, "passed")].lemma, "pass");
}

TEST_F(ShippedModelsTest, NounsAndVerbsThatLookAlike) {
  const SyntaxSentence s = Analyze("Shares in Siemens fell on Monday .");
  ExpectRoot(s, "fell");
  ExpectArc(s, "Shares", DepRel::kNsubj, "fell");
  ExpectArc(s, "Siemens", DepRel::kNmod, "Shares");
  EXPECT_EQ(s[Find(s, "Shares")].upos, Upos::kNoun);
  EXPECT_EQ(s[Find(s, "fell")].lemma, "fall");
  const SyntaxSentence t = Analyze("Borne told reporters that the talks had failed .");
  ExpectRoot(t, "told");
  ExpectArc(t, "Borne", DepRel::kNsubj, "told");
  ExpectArc(t, "failed", DepRel::kCcomp, "told");
  ExpectArc(t, "talks", DepRel::kNsubj, "failed");
  EXPECT_EQ(t[Find(t, "Borne")].upos, Upos::kPropn);
  EXPECT_EQ(t[Find(t, "told")].lemma, "tell");
}

TEST_F(ShippedModelsTest, MonthNameIsNotAModal) {
  const SyntaxSentence s = Analyze("The summit opened on May 2 , 2024 .");
  ExpectRoot(s, "opened");
  EXPECT_EQ(s[Find(s, "May")].upos, Upos::kPropn);
}

TEST_F(ShippedModelsTest, CoordinatedClauses) {
  const SyntaxSentence s = Analyze("Israel struck Gaza and Hezbollah fired rockets .");
  ExpectRoot(s, "struck");
  ExpectArc(s, "Israel", DepRel::kNsubj, "struck");
  ExpectArc(s, "Gaza", DepRel::kObj, "struck");
  ExpectArc(s, "fired", DepRel::kConj, "struck");
  ExpectArc(s, "Hezbollah", DepRel::kNsubj, "fired");
  ExpectArc(s, "rockets", DepRel::kObj, "fired");
  EXPECT_EQ(s[Find(s, "struck")].lemma, "strike");
}

}  // namespace
}  // namespace claims::syntax
