#include "common/extract/parse_repairs.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace claims {
namespace {

using syntax::DepRel;
using syntax::Upos;

syntax::SyntaxWord W(const char* form, Upos upos, const char* xpos, int head, DepRel rel) {
  syntax::SyntaxWord w;
  w.form = form;
  w.lemma = form;
  w.upos = upos;
  w.xpos = xpos;
  w.head = head;
  w.rel = rel;
  return w;
}

// "It risks not only prolonging the war but also redefining ties", as the
// parser reads it: both gerunds conjuncts of "risks".
syntax::SyntaxSentence Misparsed() {
  return {W("It", Upos::kPron, "PRP", 1, DepRel::kNsubj),
          W("risks", Upos::kVerb, "VBZ", -1, DepRel::kRoot),
          W("not", Upos::kPart, "RB", 4, DepRel::kAdvmod),
          W("only", Upos::kAdv, "RB", 4, DepRel::kAdvmod),
          W("prolonging", Upos::kVerb, "VBG", 1, DepRel::kConj),
          W("the", Upos::kDet, "DT", 6, DepRel::kDet),
          W("war", Upos::kNoun, "NN", 4, DepRel::kObj),
          W("but", Upos::kCconj, "CC", 9, DepRel::kCc),
          W("also", Upos::kAdv, "RB", 9, DepRel::kAdvmod),
          W("redefining", Upos::kVerb, "VBG", 1, DepRel::kConj),
          W("ties", Upos::kNoun, "NNS", 9, DepRel::kObj)};
}

TEST(ParseRepairsTest, NotOnlyButAlsoMakesTheComplementAndItsConjunct) {
  syntax::SyntaxSentence s = Misparsed();
  RepairParse(&s);
  EXPECT_EQ(s[4].head, 1);
  EXPECT_EQ(s[4].rel, DepRel::kXcomp);
  EXPECT_EQ(s[9].head, 4);
  EXPECT_EQ(s[9].rel, DepRel::kConj);
  // Nothing else moves.
  const syntax::SyntaxSentence before = Misparsed();
  for (size_t i = 0; i < s.size(); ++i) {
    if (i == 4 || i == 9) continue;
    EXPECT_EQ(s[i].head, before[i].head) << i;
    EXPECT_EQ(s[i].rel, before[i].rel) << i;
  }
}

TEST(ParseRepairsTest, OtherCoordinationIsLeftAlone) {
  // "It risks and prolongs": no "not only".
  syntax::SyntaxSentence s = {W("It", Upos::kPron, "PRP", 1, DepRel::kNsubj),
                              W("risks", Upos::kVerb, "VBZ", -1, DepRel::kRoot),
                              W("and", Upos::kCconj, "CC", 3, DepRel::kCc),
                              W("prolongs", Upos::kVerb, "VBZ", 1, DepRel::kConj)};
  const syntax::SyntaxSentence before = s;
  RepairParse(&s);
  for (size_t i = 0; i < s.size(); ++i) EXPECT_EQ(s[i].rel, before[i].rel) << i;
  // A noun after "not only" is no complement.
  syntax::SyntaxSentence n = Misparsed();
  n[4] = W("delays", Upos::kNoun, "NNS", 1, DepRel::kConj);
  RepairParse(&n);
  EXPECT_EQ(n[4].rel, DepRel::kConj);
}

}  // namespace
}  // namespace claims
