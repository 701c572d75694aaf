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
  RepairNotOnlyButAlso(&s);
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

// "Union leader Karin Olsen rejected the offer", as the parser reads it:
// "leader" the subject, the name its apposition.
TEST(ParseRepairsTest, ANameRightAfterItsTitleTakesTheTitlesPlace) {
  syntax::SyntaxSentence s = {W("Union", Upos::kPropn, "NNP", 1, DepRel::kCompound),
                              W("leader", Upos::kNoun, "NN", 4, DepRel::kNsubj),
                              W("Karin", Upos::kPropn, "NNP", 1, DepRel::kAppos),
                              W("Olsen", Upos::kPropn, "NNP", 2, DepRel::kFlat),
                              W("rejected", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("it", Upos::kPron, "PRP", 4, DepRel::kObj)};
  RepairTitleBeforeName(&s);
  EXPECT_EQ(s[2].head, 4);
  EXPECT_EQ(s[2].rel, DepRel::kNsubj);
  EXPECT_EQ(s[1].head, 2);
  EXPECT_EQ(s[1].rel, DepRel::kCompound);
  EXPECT_EQ(s[0].head, 1);
  EXPECT_EQ(s[3].head, 2);
}

TEST(ParseRepairsTest, AnAppositionAfterACommaStaysOne) {
  // "The leader, Karin Olsen, rejected it": a real apposition.
  syntax::SyntaxSentence s = {W("The", Upos::kDet, "DT", 1, DepRel::kDet),
                              W("leader", Upos::kNoun, "NN", 6, DepRel::kNsubj),
                              W(",", Upos::kPunct, ",", 3, DepRel::kPunct),
                              W("Karin", Upos::kPropn, "NNP", 1, DepRel::kAppos),
                              W("Olsen", Upos::kPropn, "NNP", 3, DepRel::kFlat),
                              W(",", Upos::kPunct, ",", 3, DepRel::kPunct),
                              W("rejected", Upos::kVerb, "VBD", -1, DepRel::kRoot)};
  const syntax::SyntaxSentence before = s;
  RepairTitleBeforeName(&s);
  for (size_t i = 0; i < s.size(); ++i) {
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
  RepairNotOnlyButAlso(&s);
  for (size_t i = 0; i < s.size(); ++i) EXPECT_EQ(s[i].rel, before[i].rel) << i;
  // A noun after "not only" is no complement.
  syntax::SyntaxSentence n = Misparsed();
  n[4] = W("delays", Upos::kNoun, "NNS", 1, DepRel::kConj);
  RepairNotOnlyButAlso(&n);
  EXPECT_EQ(n[4].rel, DepRel::kConj);
}

TEST(ParseRepairsTest, AVerbFormOpeningATitleModifiesIt) {
  // "Lead author Mariela Soto said it", with "Lead" tagged a verb.
  syntax::SyntaxSentence s = {W("Lead", Upos::kVerb, "VB", 5, DepRel::kCcomp),
                              W("author", Upos::kNoun, "NN", 0, DepRel::kObj),
                              W("Mariela", Upos::kPropn, "NNP", 1, DepRel::kFlat),
                              W("Soto", Upos::kPropn, "NNP", 2, DepRel::kFlat),
                              W("said", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("it", Upos::kPron, "PRP", 4, DepRel::kObj)};
  ASSERT_TRUE(RetagOpeningModifier(nullptr, &s));
  EXPECT_EQ(s[0].upos, Upos::kAdj);
  EXPECT_EQ(s[0].lemma, "lead");
  // An imperative before a name is left alone ("Ask Mr Smith"), and so is
  // a sentence with no other finite verb.
  syntax::SyntaxSentence ask = {W("Ask", Upos::kVerb, "VB", -1, DepRel::kRoot),
                                W("Mr", Upos::kPropn, "NNP", 0, DepRel::kObj),
                                W("Smith", Upos::kPropn, "NNP", 1, DepRel::kFlat),
                                W("today", Upos::kNoun, "NN", 0, DepRel::kObl)};
  EXPECT_FALSE(RetagOpeningModifier(nullptr, &ask));
  syntax::SyntaxSentence lead = s;
  lead[0] = W("Lead", Upos::kVerb, "VB", -1, DepRel::kRoot);
  lead[4] = W("now", Upos::kAdv, "RB", 0, DepRel::kAdvmod);
  EXPECT_FALSE(RetagOpeningModifier(nullptr, &lead));
}

TEST(ParseRepairsTest, TwoSubjectsSideBySideAreOneNounPhrase) {
  syntax::SyntaxSentence s = {W("Indonesia", Upos::kPropn, "NNP", 2, DepRel::kNmodPoss),
                              W("'s", Upos::kPart, "POS", 0, DepRel::kCase),
                              W("communications", Upos::kNoun, "NNS", 4, DepRel::kNsubj),
                              W("ministry", Upos::kNoun, "NN", 4, DepRel::kNsubj),
                              W("said", Upos::kVerb, "VBD", -1, DepRel::kRoot)};
  RepairDoubleSubject(&s);
  EXPECT_EQ(s[2].head, 3);
  EXPECT_EQ(s[2].rel, DepRel::kCompound);
  EXPECT_EQ(s[3].rel, DepRel::kNsubj);
  EXPECT_EQ(s[0].head, 2);  // the possessor stays in the phrase
  // Subjects of two verbs are left alone.
  syntax::SyntaxSentence t = {W("Ministers", Upos::kNoun, "NNS", 2, DepRel::kNsubj),
                              W("officials", Upos::kNoun, "NNS", 3, DepRel::kNsubj),
                              W("met", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("talked", Upos::kVerb, "VBD", 2, DepRel::kConj)};
  RepairDoubleSubject(&t);
  EXPECT_EQ(t[0].rel, DepRel::kNsubj);
  // "quality inspection agency said": nouns modifying the second subject
  // may stand between them.
  syntax::SyntaxSentence q = {W("quality", Upos::kNoun, "NN", 3, DepRel::kNsubj),
                              W("inspection", Upos::kNoun, "NN", 2, DepRel::kCompound),
                              W("agency", Upos::kNoun, "NN", 3, DepRel::kNsubj),
                              W("said", Upos::kVerb, "VBD", -1, DepRel::kRoot)};
  RepairDoubleSubject(&q);
  EXPECT_EQ(q[0].head, 2);
  EXPECT_EQ(q[0].rel, DepRel::kCompound);
  EXPECT_EQ(q[2].rel, DepRel::kNsubj);
}

TEST(ParseRepairsTest, AClosingAccordingToHangsFromTheRoot) {
  // "The crash was caused by a spectator taking photographs, according to
  // race organisers." with the source made the object of "taking".
  syntax::SyntaxSentence s = {W("The", Upos::kDet, "DT", 1, DepRel::kDet),
                              W("crash", Upos::kNoun, "NN", 3, DepRel::kNsubjPass),
                              W("was", Upos::kAux, "VBD", 3, DepRel::kAuxPass),
                              W("caused", Upos::kVerb, "VBN", -1, DepRel::kRoot),
                              W("by", Upos::kAdp, "IN", 5, DepRel::kCase),
                              W("fans", Upos::kNoun, "NNS", 3, DepRel::kOblAgent),
                              W("taking", Upos::kVerb, "VBG", 5, DepRel::kAcl),
                              W("photographs", Upos::kNoun, "NNS", 6, DepRel::kObj),
                              W(",", Upos::kPunct, ",", 12, DepRel::kPunct),
                              W("according", Upos::kVerb, "VBG", 11, DepRel::kCase),
                              W("to", Upos::kAdp, "IN", 9, DepRel::kFixed),
                              W("race", Upos::kNoun, "NN", 12, DepRel::kCompound),
                              W("organisers", Upos::kNoun, "NNS", 6, DepRel::kObj),
                              W(".", Upos::kPunct, ".", 3, DepRel::kPunct)};
  RepairTrailingAccordingTo(&s);
  EXPECT_EQ(s[12].head, 3);
  EXPECT_EQ(s[12].rel, DepRel::kObl);
  EXPECT_EQ(s[9].head, 12);
  EXPECT_EQ(s[9].rel, DepRel::kCase);
  EXPECT_EQ(s[11].head, 12);  // the phrase stays whole
  // A source phrase with a verb of its own is left as parsed.
  syntax::SyntaxSentence t = s;
  t[12] = W("organisers", Upos::kNoun, "NNS", 6, DepRel::kObj);
  t[11] = W("said", Upos::kVerb, "VBD", 12, DepRel::kAcl);
  RepairTrailingAccordingTo(&t);
  EXPECT_EQ(t[12].head, 6);
}

// Knows one name: "Dar es Salaam".
class OneNameGazetteer final : public entities::Gazetteer {
 public:
  void Annotate(const std::vector<std::string>& words,
                entities::GazetteerHits* hits) const override {
    hits->assign(words.size(), {});
    for (size_t i = 0; i + 2 < words.size(); ++i) {
      if (words[i] == "Dar" && words[i + 1] == "es" && words[i + 2] == "Salaam") {
        (*hits)[i].push_back({entities::GazetteerKind::kPlace, entities::SpanPosition::kBegin});
        (*hits)[i + 1].push_back({entities::GazetteerKind::kPlace, entities::SpanPosition::kInside});
        (*hits)[i + 2].push_back({entities::GazetteerKind::kPlace, entities::SpanPosition::kLast});
      }
    }
  }
};

TEST(ParseRepairsTest, AVerbInsideAKnownNameIsPartOfIt) {
  syntax::SyntaxSentence s = {W("in", Upos::kAdp, "IN", 1, DepRel::kCase),
                              W("Dar", Upos::kPropn, "NNP", -1, DepRel::kRoot),
                              W("es", Upos::kVerb, "VBZ", 1, DepRel::kCcomp),
                              W("Salaam", Upos::kPropn, "NNP", 2, DepRel::kObj)};
  const OneNameGazetteer gazetteer;
  ASSERT_TRUE(RetagInsideKnownNames(gazetteer, &s));
  EXPECT_EQ(s[2].upos, Upos::kPropn);
  EXPECT_EQ(s[2].lemma, "es");
  // A verb between two names the gazetteer does not join stays a verb.
  syntax::SyntaxSentence v = {W("Kenya", Upos::kPropn, "NNP", 1, DepRel::kNsubj),
                              W("beat", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("Uganda", Upos::kPropn, "NNP", 1, DepRel::kObj)};
  EXPECT_FALSE(RetagInsideKnownNames(gazetteer, &v));
  EXPECT_EQ(v[1].upos, Upos::kVerb);
}

// The bundled lexicon: its verbs of saying.
const Lexicon& BundledLexicon() {
  static const Lexicon* lexicon = Lexicon::Load(CLAIMS_SOURCE_DATA_DIR "/extract")->release();
  return *lexicon;
}

TEST(ParseRepairsTest, AGerundBeforeThePluralSubjectOfASayingIsANoun) {
  syntax::SyntaxSentence s = {W("Shipping", Upos::kVerb, "VBG", 2, DepRel::kCsubj),
                              W("lines", Upos::kNoun, "NNS", 0, DepRel::kObj),
                              W("said", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("they", Upos::kPron, "PRP", 4, DepRel::kNsubj),
                              W("diverted", Upos::kVerb, "VBD", 2, DepRel::kCcomp)};
  s[2].lemma = "say";
  ASSERT_TRUE(RetagOpeningModifier(&BundledLexicon(), &s));
  EXPECT_EQ(s[0].upos, Upos::kNoun);
  EXPECT_EQ(s[0].lemma, "shipping");
  // A gerund clause is the subject of a verb that is not one of saying
  // ("Raising taxes hurt growth"), and of a singular present.
  syntax::SyntaxSentence raising = {W("Raising", Upos::kVerb, "VBG", 2, DepRel::kCsubj),
                                    W("taxes", Upos::kNoun, "NNS", 0, DepRel::kObj),
                                    W("hurt", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                                    W("growth", Upos::kNoun, "NN", 2, DepRel::kObj)};
  raising[2].lemma = "hurt";
  EXPECT_FALSE(RetagOpeningModifier(&BundledLexicon(), &raising));
  raising[2] = W("hurts", Upos::kVerb, "VBZ", -1, DepRel::kRoot);
  EXPECT_FALSE(RetagOpeningModifier(&BundledLexicon(), &raising));
}

// "He argued that prohibition had failed", with "that" read as a
// determiner of "prohibition".
TEST(ParseRepairsTest, ThatAfterASayingBeforeAFiniteVerbOpensTheComplement) {
  syntax::SyntaxSentence s = {W("He", Upos::kPron, "PRP", 1, DepRel::kNsubj),
                              W("argued", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("that", Upos::kDet, "DT", 3, DepRel::kDet),
                              W("prohibition", Upos::kNoun, "NN", 1, DepRel::kObj),
                              W("had", Upos::kAux, "VBD", 5, DepRel::kAux),
                              W("failed", Upos::kVerb, "VBN", 1, DepRel::kConj)};
  s[1].lemma = "argue";
  EXPECT_TRUE(RetagThatAfterSaying(BundledLexicon(), &s));
  EXPECT_EQ(s[2].upos, Upos::kSconj);
  // "He denied that claim.": no verb follows, a determiner it stays.
  syntax::SyntaxSentence d = {W("He", Upos::kPron, "PRP", 1, DepRel::kNsubj),
                              W("denied", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("that", Upos::kDet, "DT", 3, DepRel::kDet),
                              W("claim", Upos::kNoun, "NN", 1, DepRel::kObj),
                              W(".", Upos::kPunct, ".", 1, DepRel::kPunct)};
  d[1].lemma = "deny";
  EXPECT_FALSE(RetagThatAfterSaying(BundledLexicon(), &d));
  EXPECT_EQ(d[2].upos, Upos::kDet);
}

TEST(ParseRepairsTest, ThatAfterASayingAndItsTimeOpensTheComplement) {
  // "Police said on Sunday that Akilov had applied ...", "that" read as a
  // relative pronoun of "Sunday".
  syntax::SyntaxSentence s = {W("Police", Upos::kNoun, "NNS", 1, DepRel::kNsubj),
                              W("said", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("on", Upos::kAdp, "IN", 3, DepRel::kCase),
                              W("Sunday", Upos::kPropn, "NNP", 1, DepRel::kObl),
                              W("that", Upos::kPron, "WDT", 7, DepRel::kObj),
                              W("Akilov", Upos::kPropn, "NNP", 7, DepRel::kNsubj),
                              W("had", Upos::kAux, "VBD", 7, DepRel::kAux),
                              W("applied", Upos::kVerb, "VBN", 3, DepRel::kAclRelcl),
                              W(".", Upos::kPunct, ".", 1, DepRel::kPunct)};
  s[1].lemma = "say";
  EXPECT_TRUE(RetagThatAfterSaying(BundledLexicon(), &s));
  EXPECT_EQ(s[4].upos, Upos::kSconj);
  // "said in the report that called for ...": the relative pronoun before
  // its verb stays one.
  syntax::SyntaxSentence r = s;
  r[5] = W("called", Upos::kVerb, "VBD", 3, DepRel::kAclRelcl);
  r[4] = W("that", Upos::kPron, "WDT", 5, DepRel::kNsubj);
  EXPECT_FALSE(RetagThatAfterSaying(BundledLexicon(), &r));
  // After the addressee: "told parliament that surveyors would ...".
  syntax::SyntaxSentence t = {W("He", Upos::kPron, "PRP", 1, DepRel::kNsubj),
                              W("told", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("parliament", Upos::kNoun, "NN", 6, DepRel::kNsubj),
                              W("that", Upos::kPron, "WDT", 4, DepRel::kNsubj),
                              W("surveyors", Upos::kNoun, "NNS", 2, DepRel::kAclRelcl),
                              W("would", Upos::kAux, "MD", 6, DepRel::kAux),
                              W("start", Upos::kVerb, "VB", 1, DepRel::kCcomp)};
  t[1].lemma = "tell";
  EXPECT_TRUE(RetagThatAfterSaying(BundledLexicon(), &t));
  EXPECT_EQ(t[3].upos, Upos::kSconj);
  // After the addressee and a time: "told reporters on Sunday that
  // surveyors would ...".
  syntax::SyntaxSentence u = t;
  u.insert(u.begin() + 3, W("Sunday", Upos::kPropn, "NNP", 2, DepRel::kNmod));
  u.insert(u.begin() + 3, W("on", Upos::kAdp, "IN", 4, DepRel::kCase));
  u[5].upos = Upos::kPron;
  u[5].xpos = "WDT";
  EXPECT_TRUE(RetagThatAfterSaying(BundledLexicon(), &u));
  EXPECT_EQ(u[5].upos, Upos::kSconj);
}

// "the firm's chief executive, Jane Doe, said" with "executive" tagged as
// in "chief executive officer".
TEST(ParseRepairsTest, ATitleHeadEndingItsPhraseIsANoun) {
  auto sentence = [](const char* next, Upos next_upos) {
    syntax::SyntaxSentence s = {W("the", Upos::kDet, "DT", 2, DepRel::kDet),
                                W("chief", Upos::kAdj, "JJ", 2, DepRel::kAmod),
                                W("executive", Upos::kAdj, "JJ", 3, DepRel::kAmod),
                                W(next, next_upos, "X", -1, DepRel::kRoot)};
    return s;
  };
  syntax::SyntaxSentence s = sentence(",", Upos::kPunct);
  EXPECT_TRUE(RetagTitleHeadAsNoun(BundledLexicon(), &s));
  EXPECT_EQ(s[2].upos, Upos::kNoun);
  EXPECT_EQ(s[2].xpos, "NN");
  // Before a noun it modifies it: "the chief executive officer".
  syntax::SyntaxSentence t = sentence("officer", Upos::kNoun);
  EXPECT_FALSE(RetagTitleHeadAsNoun(BundledLexicon(), &t));
  EXPECT_EQ(t[2].upos, Upos::kAdj);
}

// "A nurse at the clinic told reporters: ..." with "told" tagged as a
// participle modifying "reporters".
TEST(ParseRepairsTest, ASayingParticipleAfterItsSubjectIsThePastTense) {
  auto sentence = [](const char* first) {
    syntax::SyntaxSentence s = {W(first, Upos::kNoun, "NN", 2, DepRel::kNsubj),
                                W("told", Upos::kVerb, "VBN", 2, DepRel::kAmod),
                                W("reporters", Upos::kNoun, "NNS", -1, DepRel::kRoot),
                                W(":", Upos::kPunct, ":", 2, DepRel::kPunct)};
    s[1].lemma = "tell";
    return s;
  };
  syntax::SyntaxSentence s = sentence("nurse");
  EXPECT_TRUE(RetagSayingAfterSubject(BundledLexicon(), &s));
  EXPECT_EQ(s[1].xpos, "VBD");
  // After an auxiliary it stays a participle ("has told").
  syntax::SyntaxSentence t = sentence("nurse");
  t.insert(t.begin() + 1, W("has", Upos::kAux, "VBZ", 2, DepRel::kAux));
  EXPECT_FALSE(RetagSayingAfterSubject(BundledLexicon(), &t));
  EXPECT_EQ(t[2].xpos, "VBN");
}

// "She told reporters: \"We will win\"" with the quotation's clause hung
// on "reporters".
TEST(ParseRepairsTest, AClauseOnTheAddresseeOfASayingIsItsComplement) {
  syntax::SyntaxSentence s = {W("She", Upos::kPron, "PRP", 1, DepRel::kNsubj),
                              W("told", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("reporters", Upos::kNoun, "NNS", 1, DepRel::kIobj),
                              W(":", Upos::kPunct, ":", 5, DepRel::kPunct),
                              W("we", Upos::kPron, "PRP", 5, DepRel::kNsubj),
                              W("win", Upos::kVerb, "VBP", 2, DepRel::kCcomp)};
  s[1].lemma = "tell";
  RepairComplementOfAddressee(BundledLexicon(), &s);
  EXPECT_EQ(s[5].head, 1);
  EXPECT_EQ(s[5].rel, DepRel::kCcomp);
  // Not under a verb that says nothing ("She fed reporters ...").
  syntax::SyntaxSentence t = s;
  t[5].head = 2;
  t[1].form = "fed";
  t[1].lemma = "feed";
  RepairComplementOfAddressee(BundledLexicon(), &t);
  EXPECT_EQ(t[5].head, 2);
  // After a colon, also a clause hung on an oblique as a relative clause
  // ("She said in a speech: we win").
  syntax::SyntaxSentence u = {W("She", Upos::kPron, "PRP", 1, DepRel::kNsubj),
                              W("said", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("in", Upos::kAdp, "IN", 3, DepRel::kCase),
                              W("speech", Upos::kNoun, "NN", 1, DepRel::kObl),
                              W(":", Upos::kPunct, ":", 6, DepRel::kPunct),
                              W("we", Upos::kPron, "PRP", 6, DepRel::kNsubj),
                              W("win", Upos::kVerb, "VBP", 3, DepRel::kAclRelcl)};
  u[1].lemma = "say";
  syntax::SyntaxSentence no_colon = u;
  RepairComplementOfAddressee(BundledLexicon(), &u);
  EXPECT_EQ(u[6].head, 1);
  EXPECT_EQ(u[6].rel, DepRel::kCcomp);
  // Without the colon a relative clause stays one ("the speech we win").
  no_colon[4] = W(",", Upos::kPunct, ",", 6, DepRel::kPunct);
  RepairComplementOfAddressee(BundledLexicon(), &no_colon);
  EXPECT_EQ(no_colon[6].head, 3);
}

// "Tokayev said on Friday he had authorised it", with the clause hung on
// "Friday" as a relative clause.
TEST(ParseRepairsTest, AClauseWithItsSubjectAfterASayingsObliqueIsItsComplement) {
  auto sentence = [](const char* relative) {
    syntax::SyntaxSentence s = {W("Tokayev", Upos::kPropn, "NNP", 1, DepRel::kNsubj),
                                W("said", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                                W("on", Upos::kAdp, "IN", 3, DepRel::kCase),
                                W("Friday", Upos::kPropn, "NNP", 1, DepRel::kObl),
                                W(relative, Upos::kPron, "PRP", 6, DepRel::kNsubj),
                                W("had", Upos::kAux, "VBD", 6, DepRel::kAux),
                                W("authorised", Upos::kVerb, "VBN", 3, DepRel::kAclRelcl)};
    s[1].lemma = "say";
    return s;
  };
  syntax::SyntaxSentence s = sentence("he");
  RepairComplementAfterOblique(BundledLexicon(), &s);
  EXPECT_EQ(s[6].head, 1);
  EXPECT_EQ(s[6].rel, DepRel::kCcomp);
  // "... on the Friday which had ...": a relative word keeps it relative.
  syntax::SyntaxSentence r = sentence("which");
  r[4].xpos = "WDT";
  RepairComplementAfterOblique(BundledLexicon(), &r);
  EXPECT_EQ(r[6].head, 3);
  EXPECT_EQ(r[6].rel, DepRel::kAclRelcl);
}

// "She accused rivals of bribing voters" with "bribing" hung on "of".
TEST(ParseRepairsTest, AGerundHungOnOfIsTheClauseOfMarks) {
  syntax::SyntaxSentence s = {W("She", Upos::kPron, "PRP", 1, DepRel::kNsubj),
                              W("accused", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("rivals", Upos::kNoun, "NNS", 1, DepRel::kObj),
                              W("of", Upos::kAdp, "IN", 2, DepRel::kNmod),
                              W("bribing", Upos::kVerb, "VBG", 3, DepRel::kGoeswith),
                              W("voters", Upos::kNoun, "NNS", 4, DepRel::kObj)};
  RepairGerundHungOnOf(&s);
  EXPECT_EQ(s[4].head, 2);
  EXPECT_EQ(s[4].rel, DepRel::kAcl);
  EXPECT_EQ(s[3].head, 4);
  EXPECT_EQ(s[3].rel, DepRel::kMark);
  // A noun after "of" stays its object ("of bribes").
  syntax::SyntaxSentence t = s;
  t[3] = W("of", Upos::kAdp, "IN", 4, DepRel::kCase);
  t[4] = W("bribes", Upos::kNoun, "NNS", 2, DepRel::kNmod);
  RepairGerundHungOnOf(&t);
  EXPECT_EQ(t[3].head, 4);
  EXPECT_EQ(t[4].head, 2);
}

// "Farmers told officials they had warned that the dam was weak", with
// "warned" hung on "officials" as a relative clause and the "that"-clause
// on "told".
TEST(ParseRepairsTest, AClauseWithItsSubjectAfterASayingsAddresseeIsItsComplement) {
  syntax::SyntaxSentence s = {W("Farmers", Upos::kNoun, "NNS", 1, DepRel::kNsubj),
                              W("told", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("officials", Upos::kNoun, "NNS", 1, DepRel::kIobj),
                              W("they", Upos::kPron, "PRP", 5, DepRel::kNsubj),
                              W("had", Upos::kAux, "VBD", 5, DepRel::kAux),
                              W("warned", Upos::kVerb, "VBN", 2, DepRel::kAclRelcl),
                              W("that", Upos::kSconj, "IN", 10, DepRel::kMark),
                              W("the", Upos::kDet, "DT", 8, DepRel::kDet),
                              W("dam", Upos::kNoun, "NN", 10, DepRel::kNsubj),
                              W("was", Upos::kAux, "VBD", 10, DepRel::kCop),
                              W("weak", Upos::kAdj, "JJ", 1, DepRel::kCcomp)};
  s[1].lemma = "tell";
  s[5].lemma = "warn";
  RepairComplementAfterOblique(BundledLexicon(), &s);
  EXPECT_EQ(s[5].head, 1);
  EXPECT_EQ(s[5].rel, DepRel::kCcomp);
  EXPECT_EQ(s[10].head, 5);
  EXPECT_EQ(s[10].rel, DepRel::kCcomp);
}

// "She told members after signing the pact that she would stay.", with
// the "that"-clause hung on "signing".
TEST(ParseRepairsTest, AThatClauseOnAnAdverbialWithAnObjectIsTheSayingsComplement) {
  auto sentence = [](const char* adverbial, bool object) {
    syntax::SyntaxSentence s = {W("She", Upos::kPron, "PRP", 1, DepRel::kNsubj),
                                W("told", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                                W("members", Upos::kNoun, "NNS", 1, DepRel::kIobj),
                                W("after", Upos::kSconj, "IN", 4, DepRel::kMark),
                                W(adverbial, Upos::kVerb, "VBG", 1, DepRel::kAdvcl),
                                W("the", Upos::kDet, "DT", 6, DepRel::kDet),
                                W("pact", Upos::kNoun, "NN", 4, object ? DepRel::kObj : DepRel::kObl),
                                W("that", Upos::kSconj, "IN", 10, DepRel::kMark),
                                W("she", Upos::kPron, "PRP", 10, DepRel::kNsubj),
                                W("would", Upos::kAux, "MD", 10, DepRel::kAux),
                                W("stay", Upos::kVerb, "VB", 4, DepRel::kCcomp)};
    s[1].lemma = "tell";
    return s;
  };
  syntax::SyntaxSentence s = sentence("signing", true);
  s[4].lemma = "sign";
  RepairComplementAfterOblique(BundledLexicon(), &s);
  EXPECT_EQ(s[10].head, 1);
  EXPECT_EQ(s[10].rel, DepRel::kCcomp);
  // "after learning that ...": a verb with no object keeps its clause, and
  // so does a verb of saying ("after telling the press that ...").
  syntax::SyntaxSentence learning = sentence("learning", false);
  learning[4].lemma = "learn";
  RepairComplementAfterOblique(BundledLexicon(), &learning);
  EXPECT_EQ(learning[10].head, 4);
  syntax::SyntaxSentence telling = sentence("telling", true);
  telling[4].lemma = "tell";
  RepairComplementAfterOblique(BundledLexicon(), &telling);
  EXPECT_EQ(telling[10].head, 4);
}

// "Prices rose, the bank said, with food up most." with the absolute
// "with food up" read as the saying's complement.
TEST(ParseRepairsTest, AClauseOpeningWithWithOrAndIsNoComplement) {
  syntax::SyntaxSentence s = {W("Prices", Upos::kNoun, "NNS", 1, DepRel::kNsubj),
                              W("rose", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W(",", Upos::kPunct, ",", 5, DepRel::kPunct),
                              W("the", Upos::kDet, "DT", 4, DepRel::kDet),
                              W("bank", Upos::kNoun, "NN", 5, DepRel::kNsubj),
                              W("said", Upos::kVerb, "VBD", 1, DepRel::kParataxis),
                              W(",", Upos::kPunct, ",", 9, DepRel::kPunct),
                              W("with", Upos::kAdp, "IN", 8, DepRel::kCase),
                              W("food", Upos::kNoun, "NN", 9, DepRel::kNsubj),
                              W("up", Upos::kVerb, "VBN", 5, DepRel::kCcomp)};
  RepairComplementByItsFirstWord(&s);
  EXPECT_EQ(s[9].rel, DepRel::kAdvcl);
  // "Prices rose, the bank said, and food was up": a conjunct of "rose".
  s[7] = W("and", Upos::kCconj, "CC", 9, DepRel::kCc);
  s[9].rel = DepRel::kCcomp;
  s[9].head = 5;
  RepairComplementByItsFirstWord(&s);
  EXPECT_EQ(s[9].rel, DepRel::kConj);
  EXPECT_EQ(s[9].head, 1);
  // "said that food was up": a complement stays one.
  s[7] = W("that", Upos::kSconj, "IN", 9, DepRel::kMark);
  s[9].rel = DepRel::kCcomp;
  RepairComplementByItsFirstWord(&s);
  EXPECT_EQ(s[9].rel, DepRel::kCcomp);
}

// "In Lima, party leader Rosa Quispe said ...", with the speaker hung on
// "Lima" as an apposition.
TEST(ParseRepairsTest, ThePhraseAfterAnOpeningAdverbialIsTheSubject) {
  syntax::SyntaxSentence s = {W("In", Upos::kAdp, "IN", 1, DepRel::kCase),
                              W("Lima", Upos::kPropn, "NNP", 7, DepRel::kObl),
                              W(",", Upos::kPunct, ",", 5, DepRel::kPunct),
                              W("party", Upos::kNoun, "NN", 4, DepRel::kCompound),
                              W("leader", Upos::kNoun, "NN", 5, DepRel::kNmodDesc),
                              W("Rosa", Upos::kPropn, "NNP", 1, DepRel::kAppos),
                              W("Quispe", Upos::kPropn, "NNP", 5, DepRel::kFlat),
                              W("said", Upos::kVerb, "VBD", -1, DepRel::kRoot)};
  syntax::SyntaxSentence with_subject = s;
  RepairSubjectAfterOpeningPhrase(&s);
  EXPECT_EQ(s[5].head, 7);
  EXPECT_EQ(s[5].rel, DepRel::kNsubj);
  EXPECT_EQ(s[2].head, 7);
  // A verb with a subject of its own keeps the apposition ("In Lima, the
  // capital, she said").
  with_subject.push_back(W("it", Upos::kPron, "PRP", 7, DepRel::kNsubj));
  RepairSubjectAfterOpeningPhrase(&with_subject);
  EXPECT_EQ(with_subject[5].rel, DepRel::kAppos);
  // Hung as an unmarked modifier, as a "Washington, D.C." would be.
  syntax::SyntaxSentence unmarked = with_subject;
  unmarked.pop_back();
  unmarked[5].rel = DepRel::kNmodUnmarked;
  RepairSubjectAfterOpeningPhrase(&unmarked);
  EXPECT_EQ(unmarked[5].head, 7);
  EXPECT_EQ(unmarked[5].rel, DepRel::kNsubj);
}

// "The minister, who spoke on condition of anonymity, said talks would
// resume", with "spoke" hung from "said" as its complement.
TEST(ParseRepairsTest, ARelativeClauseBetweenCommasIsNoComplementOfTheLaterVerb) {
  syntax::SyntaxSentence s = {W("The", Upos::kDet, "DT", 1, DepRel::kDet),
                              W("minister", Upos::kNoun, "NN", 7, DepRel::kNsubj),
                              W(",", Upos::kPunct, ",", 1, DepRel::kPunct),
                              W("who", Upos::kPron, "WP", 4, DepRel::kNsubj),
                              W("spoke", Upos::kVerb, "VBD", 7, DepRel::kCcomp),
                              W("anonymously", Upos::kAdv, "RB", 4, DepRel::kAdvmod),
                              W(",", Upos::kPunct, ",", 4, DepRel::kPunct),
                              W("said", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("talks", Upos::kNoun, "NNS", 10, DepRel::kNsubj),
                              W("would", Upos::kAux, "MD", 10, DepRel::kAux),
                              W("resume", Upos::kVerb, "VB", 7, DepRel::kCcomp)};
  syntax::SyntaxSentence no_comma = s;
  RepairRelativeClauseTakenForComplement(&s);
  EXPECT_EQ(s[4].head, 1);
  EXPECT_EQ(s[4].rel, DepRel::kAclRelcl);
  EXPECT_EQ(s[10].head, 7);
  EXPECT_EQ(s[10].rel, DepRel::kCcomp);
  // Without the comma closing it, the clause may run on into the verb.
  no_comma[6].form = "and";
  RepairRelativeClauseTakenForComplement(&no_comma);
  EXPECT_EQ(no_comma[4].head, 7);
}

// "Shares fell 4 percent after the carmaker cut its forecast", with
// "after" a preposition and "percent" the subject of "cut".
TEST(ParseRepairsTest, AfterBeforeAClauseIsItsConjunction) {
  syntax::SyntaxSentence s = {W("Shares", Upos::kNoun, "NNS", 1, DepRel::kNsubj),
                              W("fell", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("4", Upos::kNum, "CD", 3, DepRel::kNummod),
                              W("percent", Upos::kNoun, "NN", 7, DepRel::kNsubj),
                              W("after", Upos::kAdp, "IN", 6, DepRel::kCase),
                              W("the", Upos::kDet, "DT", 6, DepRel::kDet),
                              W("carmaker", Upos::kNoun, "NN", 3, DepRel::kNmod),
                              W("cut", Upos::kVerb, "VBD", 1, DepRel::kAdvcl),
                              W("its", Upos::kPron, "PRP$", 9, DepRel::kNmodPoss),
                              W("forecast", Upos::kNoun, "NN", 7, DepRel::kObj)};
  syntax::SyntaxSentence noun_only = s;
  RepairConjunctionTakenForPreposition(&s);
  EXPECT_EQ(s[6].head, 7);
  EXPECT_EQ(s[6].rel, DepRel::kNsubj);
  EXPECT_EQ(s[4].head, 7);
  EXPECT_EQ(s[4].rel, DepRel::kMark);
  EXPECT_EQ(s[3].head, 1);
  EXPECT_EQ(s[3].rel, DepRel::kOblNpmod);
  // "the price after the cut" with no verb after it stays a preposition.
  noun_only.resize(7);
  noun_only[3].head = 1;
  noun_only[3].rel = DepRel::kObj;
  RepairConjunctionTakenForPreposition(&noun_only);
  EXPECT_EQ(noun_only[4].rel, DepRel::kCase);
  EXPECT_EQ(noun_only[6].head, 3);
  // "Mines closed after the utility warned them", with "warned" a
  // subjectless adverbial clause of "closed" and "utility" its oblique.
  syntax::SyntaxSentence no_subject = {
      W("Mines", Upos::kNoun, "NNS", 1, DepRel::kNsubj),
      W("closed", Upos::kVerb, "VBD", -1, DepRel::kRoot),
      W("after", Upos::kAdp, "IN", 4, DepRel::kCase),
      W("the", Upos::kDet, "DT", 4, DepRel::kDet),
      W("utility", Upos::kNoun, "NN", 1, DepRel::kObl),
      W("warned", Upos::kVerb, "VBD", 1, DepRel::kAdvcl),
      W("them", Upos::kPron, "PRP", 5, DepRel::kObj)};
  RepairConjunctionTakenForPreposition(&no_subject);
  EXPECT_EQ(no_subject[4].head, 5);
  EXPECT_EQ(no_subject[4].rel, DepRel::kNsubj);
  EXPECT_EQ(no_subject[2].rel, DepRel::kMark);
}

// "Faced with criticism, Olaf Scholz agreed to delay the vote.", parsed
// with the participle as the root and "agreed" its parataxis.
TEST(ParseRepairsTest, AnOpeningParticipleTakenForTheRootModifiesTheMainClause) {
  syntax::SyntaxSentence s = {W("Faced", Upos::kVerb, "VBN", -1, DepRel::kRoot),
                              W("with", Upos::kAdp, "IN", 2, DepRel::kCase),
                              W("criticism", Upos::kNoun, "NN", 0, DepRel::kObl),
                              W(",", Upos::kPunct, ",", 6, DepRel::kPunct),
                              W("Olaf", Upos::kPropn, "NNP", 6, DepRel::kNsubj),
                              W("Scholz", Upos::kPropn, "NNP", 4, DepRel::kFlat),
                              W("agreed", Upos::kVerb, "VBD", 0, DepRel::kParataxis),
                              W("to", Upos::kPart, "TO", 8, DepRel::kMark),
                              W("delay", Upos::kVerb, "VB", 6, DepRel::kXcomp),
                              W("the", Upos::kDet, "DT", 10, DepRel::kDet),
                              W("vote", Upos::kNoun, "NN", 8, DepRel::kObj),
                              W(".", Upos::kPunct, ".", 0, DepRel::kPunct)};
  syntax::SyntaxSentence coordinated = s;
  RepairOpeningParticipleAsRoot(&s);
  EXPECT_EQ(s[6].head, -1);
  EXPECT_EQ(s[6].rel, DepRel::kRoot);
  EXPECT_EQ(s[0].head, 6);
  EXPECT_EQ(s[0].rel, DepRel::kAdvcl);
  EXPECT_EQ(s[2].head, 0);
  EXPECT_EQ(s[3].head, 0);
  EXPECT_EQ(s[11].head, 6);
  // A conjunct with its conjunction is a second clause, not the main one
  // ("Founded in 1990, ... and the company grew").
  coordinated[6].rel = DepRel::kConj;
  coordinated.insert(coordinated.begin() + 4, W("and", Upos::kCconj, "CC", 7, DepRel::kCc));
  for (size_t k = 0; k < coordinated.size(); ++k) {
    if (k != 4 && coordinated[k].head >= 4) ++coordinated[k].head;
  }
  RepairOpeningParticipleAsRoot(&coordinated);
  EXPECT_EQ(coordinated[0].head, -1);
  EXPECT_EQ(coordinated[7].head, 0);
}

// "Speaking to reporters in Brussels, Mark Rutte warned ...", with the name
// hung on "Brussels", a noun inside the opening phrase, not its head.
TEST(ParseRepairsTest, ANameHungDeepInsideTheOpeningPhraseIsTheSubject) {
  syntax::SyntaxSentence s = {W("Speaking", Upos::kVerb, "VBG", 8, DepRel::kAdvcl),
                              W("to", Upos::kAdp, "IN", 2, DepRel::kCase),
                              W("reporters", Upos::kNoun, "NNS", 0, DepRel::kObl),
                              W("in", Upos::kAdp, "IN", 4, DepRel::kCase),
                              W("Brussels", Upos::kPropn, "NNP", 2, DepRel::kNmod),
                              W(",", Upos::kPunct, ",", 6, DepRel::kPunct),
                              W("Mark", Upos::kPropn, "NNP", 4, DepRel::kAppos),
                              W("Rutte", Upos::kPropn, "NNP", 6, DepRel::kFlat),
                              W("warned", Upos::kVerb, "VBD", -1, DepRel::kRoot)};
  RepairSubjectAfterOpeningPhrase(&s);
  EXPECT_EQ(s[6].head, 8);
  EXPECT_EQ(s[6].rel, DepRel::kNsubj);
  EXPECT_EQ(s[5].head, 8);
}

// "In Ottawa, the sports minister, Jean Charest, said ...", with both the
// title phrase and the name hung on "Ottawa".
TEST(ParseRepairsTest, ATitlePhraseWithItsNameAfterAnOpeningAdverbialIsTheSubject) {
  syntax::SyntaxSentence s = {W("In", Upos::kAdp, "IN", 1, DepRel::kCase),
                              W("Ottawa", Upos::kPropn, "NNP", 10, DepRel::kObl),
                              W(",", Upos::kPunct, ",", 5, DepRel::kPunct),
                              W("the", Upos::kDet, "DT", 5, DepRel::kDet),
                              W("sports", Upos::kNoun, "NNS", 5, DepRel::kCompound),
                              W("minister", Upos::kNoun, "NN", 1, DepRel::kAppos),
                              W(",", Upos::kPunct, ",", 1, DepRel::kPunct),
                              W("Jean", Upos::kPropn, "NNP", 8, DepRel::kCompound),
                              W("Charest", Upos::kPropn, "NNP", 1, DepRel::kAppos),
                              W(",", Upos::kPunct, ",", 1, DepRel::kPunct),
                              W("said", Upos::kVerb, "VBD", -1, DepRel::kRoot)};
  syntax::SyntaxSentence list = s;
  RepairSubjectAfterOpeningPhrase(&s);
  EXPECT_EQ(s[5].head, 10);
  EXPECT_EQ(s[5].rel, DepRel::kNsubj);
  EXPECT_EQ(s[8].head, 5);
  EXPECT_EQ(s[8].rel, DepRel::kAppos);
  EXPECT_EQ(s[2].head, 10);
  EXPECT_EQ(s[6].head, 8);
  EXPECT_EQ(s[9].head, 8);
  // Without the comma before the verb the name alone is the subject ("In
  // Ottawa, the capital, Jean Charest said").
  list.erase(list.begin() + 9);
  list[9].head = -1;
  list[1].head = 9;
  RepairSubjectAfterOpeningPhrase(&list);
  EXPECT_EQ(list[8].head, 9);
  EXPECT_EQ(list[8].rel, DepRel::kNsubj);
  EXPECT_EQ(list[5].head, 1);
  EXPECT_EQ(list[5].rel, DepRel::kAppos);
}

// "the WHO's programme", with "WHO" read as the pronoun and "'s" as "is".
TEST(ParseRepairsTest, CapitalsAfterTheAreANameNotAPronoun) {
  syntax::SyntaxSentence s = {W("of", Upos::kAdp, "IN", 2, DepRel::kCase),
                              W("the", Upos::kDet, "DT", 2, DepRel::kDet),
                              W("WHO", Upos::kPron, "WP", -1, DepRel::kRoot),
                              W("'s", Upos::kAux, "VBZ", 4, DepRel::kCop),
                              W("programme", Upos::kNoun, "NN", 2, DepRel::kAclRelcl)};
  syntax::SyntaxSentence lower = s;
  EXPECT_TRUE(RetagAcronymAfterArticle(&s));
  EXPECT_EQ(s[2].upos, Upos::kPropn);
  EXPECT_EQ(s[3].xpos, "POS");
  // "the who" is not a name.
  lower[2].form = "who";
  EXPECT_FALSE(RetagAcronymAfterArticle(&lower));
}

// "A report released on Monday said ...", with "released" read as the
// past tense and hung as the complement of "said", which has no subject.
TEST(ParseRepairsTest, APastTenseBetweenANounAndASubjectlessVerbIsAParticiple) {
  syntax::SyntaxSentence s = {W("A", Upos::kDet, "DT", 1, DepRel::kDet),
                              W("report", Upos::kNoun, "NN", 2, DepRel::kNsubj),
                              W("released", Upos::kVerb, "VBD", 5, DepRel::kCcomp),
                              W("on", Upos::kAdp, "IN", 4, DepRel::kCase),
                              W("Monday", Upos::kPropn, "NNP", 5, DepRel::kObl),
                              W("said", Upos::kVerb, "VBD", -1, DepRel::kRoot)};
  syntax::SyntaxSentence with_subject = s;
  EXPECT_TRUE(RetagReducedRelativeBeforeVerb(&s));
  EXPECT_EQ(s[2].xpos, "VBN");
  // A verb with a subject of its own keeps the past tense.
  with_subject.push_back(W("it", Upos::kPron, "PRP", 5, DepRel::kNsubj));
  EXPECT_FALSE(RetagReducedRelativeBeforeVerb(&with_subject));
  EXPECT_EQ(with_subject[2].xpos, "VBD");
}

// "\"It ended,\" said Rosa Mendes, whose son vanished.", with the speaker
// hung in the relative clause after it (an oblique of "vanished", which
// the parser made the saying's second complement).
TEST(ParseRepairsTest, ASpeakerHungInTheRelativeClauseAfterItSpeaks) {
  syntax::SyntaxSentence s = {W("\"", Upos::kPunct, "``", 2, DepRel::kPunct),
                              W("It", Upos::kPron, "PRP", 2, DepRel::kNsubj),
                              W("ended", Upos::kVerb, "VBD", 5, DepRel::kCcomp),
                              W(",", Upos::kPunct, ",", 2, DepRel::kPunct),
                              W("\"", Upos::kPunct, "''", 2, DepRel::kPunct),
                              W("said", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("Rosa", Upos::kPropn, "NNP", 7, DepRel::kCompound),
                              W("Mendes", Upos::kPropn, "NNP", 11, DepRel::kObl),
                              W(",", Upos::kPunct, ",", 11, DepRel::kPunct),
                              W("whose", Upos::kPron, "WP$", 10, DepRel::kNmodPoss),
                              W("son", Upos::kNoun, "NN", 11, DepRel::kNsubj),
                              W("vanished", Upos::kVerb, "VBD", 5, DepRel::kCcomp),
                              W(".", Upos::kPunct, ".", 5, DepRel::kPunct)};
  s[5].lemma = "say";
  RepairSpeakerTakenByALaterVerb(BundledLexicon(), &s);
  EXPECT_EQ(s[7].head, 5);
  EXPECT_EQ(s[7].rel, DepRel::kNsubj);
  EXPECT_EQ(s[11].head, 7);
  EXPECT_EQ(s[11].rel, DepRel::kAclRelcl);
}

// "The council said parking on the bridge would end", with "parking" read
// as a verb: the gerund before a modal is that verb's subject, a noun.
TEST(ParseRepairsTest, AGerundBeforeAModalIsANoun) {
  syntax::SyntaxSentence s = {W("The", Upos::kDet, "DT", 1, DepRel::kDet),
                              W("council", Upos::kNoun, "NN", 2, DepRel::kNsubj),
                              W("said", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("parking", Upos::kVerb, "VBG", 2, DepRel::kXcomp),
                              W("on", Upos::kAdp, "IN", 6, DepRel::kCase),
                              W("the", Upos::kDet, "DT", 6, DepRel::kDet),
                              W("bridge", Upos::kNoun, "NN", 3, DepRel::kObl),
                              W("would", Upos::kAux, "MD", 8, DepRel::kAux),
                              W("end", Upos::kVerb, "VB", 3, DepRel::kCcomp)};
  EXPECT_TRUE(RetagGerundBeforeModal(&s));
  EXPECT_EQ(s[3].upos, Upos::kNoun);
  EXPECT_EQ(s[3].lemma, "parking");
  // "She kept saying she would leave": the modal has a subject of its own.
  syntax::SyntaxSentence kept = {W("She", Upos::kPron, "PRP", 1, DepRel::kNsubj),
                                 W("kept", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                                 W("saying", Upos::kVerb, "VBG", 1, DepRel::kXcomp),
                                 W("she", Upos::kPron, "PRP", 5, DepRel::kNsubj),
                                 W("would", Upos::kAux, "MD", 5, DepRel::kAux),
                                 W("leave", Upos::kVerb, "VB", 2, DepRel::kCcomp)};
  EXPECT_FALSE(RetagGerundBeforeModal(&kept));
  EXPECT_EQ(kept[2].upos, Upos::kVerb);
}

// "\"It was a hard fight,\" Spassky was quoted as saying", with the
// quotation hung on "quoted" as a modifier.
TEST(ParseRepairsTest, AQuotationHungOnQuotedIsTheComplementOfAsSaying) {
  syntax::SyntaxSentence s = {W("It", Upos::kPron, "PRP", 2, DepRel::kNsubj),
                              W("was", Upos::kAux, "VBD", 2, DepRel::kCop),
                              W("fight", Upos::kNoun, "NN", 6, DepRel::kAdvcl),
                              W(",", Upos::kPunct, ",", 2, DepRel::kPunct),
                              W("Spassky", Upos::kPropn, "NNP", 6, DepRel::kNsubjPass),
                              W("was", Upos::kAux, "VBD", 6, DepRel::kAuxPass),
                              W("quoted", Upos::kVerb, "VBN", -1, DepRel::kRoot),
                              W("as", Upos::kSconj, "IN", 8, DepRel::kMark),
                              W("saying", Upos::kVerb, "VBG", 6, DepRel::kAdvcl)};
  s[6].lemma = "quote";
  s[8].lemma = "say";
  RepairQuoteOfQuotedAsSaying(BundledLexicon(), &s);
  EXPECT_EQ(s[2].head, 8);
  EXPECT_EQ(s[2].rel, DepRel::kCcomp);
}

// "In Washington, the press secretary, James Hagerty, said ...", with the
// title phrase hung on "Washington" and the name on the title phrase; and
// "In London, the Ministry said", the phrase a conjunct of "London".
TEST(ParseRepairsTest, ATitlePhraseCarryingItsNameAfterAnOpeningAdverbialIsTheSubject) {
  syntax::SyntaxSentence s = {W("In", Upos::kAdp, "IN", 1, DepRel::kCase),
                              W("Washington", Upos::kPropn, "NNP", 10, DepRel::kObl),
                              W(",", Upos::kPunct, ",", 5, DepRel::kPunct),
                              W("the", Upos::kDet, "DT", 5, DepRel::kDet),
                              W("press", Upos::kNoun, "NN", 5, DepRel::kCompound),
                              W("secretary", Upos::kNoun, "NN", 1, DepRel::kAppos),
                              W(",", Upos::kPunct, ",", 7, DepRel::kPunct),
                              W("James", Upos::kPropn, "NNP", 5, DepRel::kAppos),
                              W("Hagerty", Upos::kPropn, "NNP", 7, DepRel::kFlat),
                              W(",", Upos::kPunct, ",", 1, DepRel::kPunct),
                              W("said", Upos::kVerb, "VBD", -1, DepRel::kRoot)};
  RepairSubjectAfterOpeningPhrase(&s);
  EXPECT_EQ(s[5].head, 10);
  EXPECT_EQ(s[5].rel, DepRel::kNsubj);
  EXPECT_EQ(s[7].head, 5);
  EXPECT_EQ(s[7].rel, DepRel::kAppos);
  EXPECT_EQ(s[9].head, 7);
  syntax::SyntaxSentence conj = {W("In", Upos::kAdp, "IN", 1, DepRel::kCase),
                                 W("London", Upos::kPropn, "NNP", 5, DepRel::kObl),
                                 W(",", Upos::kPunct, ",", 4, DepRel::kPunct),
                                 W("the", Upos::kDet, "DT", 4, DepRel::kDet),
                                 W("Ministry", Upos::kPropn, "NNP", 1, DepRel::kConj),
                                 W("said", Upos::kVerb, "VBD", -1, DepRel::kRoot)};
  syntax::SyntaxSentence with_and = conj;
  RepairSubjectAfterOpeningPhrase(&conj);
  EXPECT_EQ(conj[4].head, 5);
  EXPECT_EQ(conj[4].rel, DepRel::kNsubj);
  // A conjunct with its conjunction is one of a list ("In London and the
  // capitals").
  with_and.insert(with_and.begin() + 3, W("and", Upos::kCconj, "CC", 5, DepRel::kCc));
  with_and[0].head = 1;
  with_and[1].head = 6;
  with_and[2].head = 5;
  with_and[4].head = 5;
  with_and[5].head = 1;
  RepairSubjectAfterOpeningPhrase(&with_and);
  EXPECT_EQ(with_and[5].rel, DepRel::kConj);
}

// "The board said the figures showed growth", with "figures" the object of
// "said" and "showed" a participle modifying it.
TEST(ParseRepairsTest, TheObjectOfSayIsTheSubjectOfTheVerbAfterIt) {
  syntax::SyntaxSentence s = {W("board", Upos::kNoun, "NN", 1, DepRel::kNsubj),
                              W("said", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("the", Upos::kDet, "DT", 3, DepRel::kDet),
                              W("figures", Upos::kNoun, "NNS", 1, DepRel::kObj),
                              W("showed", Upos::kVerb, "VBN", 3, DepRel::kAcl),
                              W("growth", Upos::kNoun, "NN", 4, DepRel::kObj)};
  s[1].lemma = "say";
  syntax::SyntaxSentence goodbye = s;
  RepairObjectOfSaying(&s);
  EXPECT_EQ(s[4].head, 1);
  EXPECT_EQ(s[4].rel, DepRel::kCcomp);
  EXPECT_EQ(s[4].xpos, "VBD");
  EXPECT_EQ(s[3].head, 4);
  EXPECT_EQ(s[3].rel, DepRel::kNsubj);
  // "said goodbye and left": a conjunction before the verb keeps the object.
  goodbye[3] = W("goodbye", Upos::kNoun, "NN", 1, DepRel::kObj);
  goodbye[4] = W("and", Upos::kCconj, "CC", 5, DepRel::kCc);
  goodbye[5] = W("left", Upos::kVerb, "VBD", 1, DepRel::kConj);
  RepairObjectOfSaying(&goodbye);
  EXPECT_EQ(goodbye[3].rel, DepRel::kObj);
  EXPECT_EQ(goodbye[5].rel, DepRel::kConj);
}

// "Ana said the engineer, Tom, had failed", as the parser reads it: "said"
// an adverbial clause of "failed", the sentence's root.
TEST(ParseRepairsTest, ASayingUnderTheVerbAfterItsObjectsApposition) {
  syntax::SyntaxSentence s = {W("Ana", Upos::kPropn, "NNP", 1, DepRel::kNsubj),
                              W("said", Upos::kVerb, "VBD", 8, DepRel::kAdvcl),
                              W("the", Upos::kDet, "DT", 3, DepRel::kDet),
                              W("engineer", Upos::kNoun, "NN", 1, DepRel::kObj),
                              W(",", Upos::kPunct, ",", 5, DepRel::kPunct),
                              W("Tom", Upos::kPropn, "NNP", 3, DepRel::kAppos),
                              W(",", Upos::kPunct, ",", 1, DepRel::kPunct),
                              W("had", Upos::kAux, "VBD", 8, DepRel::kAux),
                              W("failed", Upos::kVerb, "VBN", -1, DepRel::kRoot)};
  s[1].lemma = "say";
  RepairObjectOfSaying(&s);
  EXPECT_EQ(s[1].head, -1);
  EXPECT_EQ(s[1].rel, DepRel::kRoot);
  EXPECT_EQ(s[8].head, 1);
  EXPECT_EQ(s[8].rel, DepRel::kCcomp);
  EXPECT_EQ(s[3].head, 8);
  EXPECT_EQ(s[3].rel, DepRel::kNsubj);
  EXPECT_EQ(s[5].head, 3);  // the apposition stays the engineer's
}

// "it agreed, in a deal announced on Sunday", as the parser reads it:
// "announced" a conjunct of "agreed" with "deal" its oblique.
TEST(ParseRepairsTest, AParticipleAfterAPrepositionalNounModifiesIt) {
  syntax::SyntaxSentence s = {W("it", Upos::kPron, "PRP", 1, DepRel::kNsubj),
                              W("agreed", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W(",", Upos::kPunct, ",", 4, DepRel::kPunct),
                              W("in", Upos::kAdp, "IN", 4, DepRel::kCase),
                              W("deal", Upos::kNoun, "NN", 5, DepRel::kObl),
                              W("announced", Upos::kVerb, "VBN", 1, DepRel::kConj),
                              W("on", Upos::kAdp, "IN", 7, DepRel::kCase),
                              W("Sunday", Upos::kPropn, "NNP", 5, DepRel::kObl)};
  syntax::SyntaxSentence passive = s;
  RepairParticipleAfterPrepositionalNoun(&s);
  EXPECT_EQ(s[4].head, 1);
  EXPECT_EQ(s[4].rel, DepRel::kObl);
  EXPECT_EQ(s[5].head, 4);
  EXPECT_EQ(s[5].rel, DepRel::kAcl);
  EXPECT_EQ(s[7].head, 5);
  // A participle with its own auxiliary is a clause ("in May was elected").
  passive.push_back(W("was", Upos::kAux, "VBD", 5, DepRel::kAuxPass));
  RepairParticipleAfterPrepositionalNoun(&passive);
  EXPECT_EQ(passive[5].rel, DepRel::kConj);
}

// "Ana said a vote was likely", as the parser reads it: "vote" the object
// of "said", "likely" a conjunct of "said" with its copula. The copula's
// word is the clause.
TEST(ParseRepairsTest, AnObjectOfSayBeforeACopulaIsTheClausesSubject) {
  syntax::SyntaxSentence s = {W("Ana", Upos::kPropn, "NNP", 1, DepRel::kNsubj),
                              W("said", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("a", Upos::kDet, "DT", 3, DepRel::kDet),
                              W("vote", Upos::kNoun, "NN", 1, DepRel::kObj),
                              W("was", Upos::kAux, "VBD", 5, DepRel::kCop),
                              W("likely", Upos::kAdj, "JJ", 1, DepRel::kConj)};
  s[1].lemma = "say";
  RepairObjectOfSaying(&s);
  EXPECT_EQ(s[5].head, 1);
  EXPECT_EQ(s[5].rel, DepRel::kCcomp);
  EXPECT_EQ(s[3].head, 5);
  EXPECT_EQ(s[3].rel, DepRel::kNsubj);
  EXPECT_EQ(s[4].head, 5);
  EXPECT_EQ(s[4].rel, DepRel::kCop);
}

// "Ito said the chairman, Sato, and two executives had known", as the
// parser reads it: "chairman" the object of "said", "known" a conjunct of
// "said" with "executives" its only subject.
TEST(ParseRepairsTest, AnObjectOfSayBeforeAndIsTheFirstConjunctOfTheSubject) {
  syntax::SyntaxSentence s = {W("Ito", Upos::kPropn, "NNP", 1, DepRel::kNsubj),
                              W("said", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("the", Upos::kDet, "DT", 3, DepRel::kDet),
                              W("chairman", Upos::kNoun, "NN", 1, DepRel::kObj),
                              W(",", Upos::kPunct, ",", 5, DepRel::kPunct),
                              W("Sato", Upos::kPropn, "NNP", 3, DepRel::kAppos),
                              W(",", Upos::kPunct, ",", 11, DepRel::kPunct),
                              W("and", Upos::kCconj, "CC", 11, DepRel::kCc),
                              W("two", Upos::kNum, "CD", 9, DepRel::kNummod),
                              W("executives", Upos::kNoun, "NNS", 11, DepRel::kNsubj),
                              W("had", Upos::kAux, "VBD", 11, DepRel::kAux),
                              W("known", Upos::kVerb, "VBN", 1, DepRel::kConj)};
  s[1].lemma = "say";
  RepairObjectOfSaying(&s);
  EXPECT_EQ(s[11].head, 1);
  EXPECT_EQ(s[11].rel, DepRel::kCcomp);
  EXPECT_EQ(s[3].head, 11);
  EXPECT_EQ(s[3].rel, DepRel::kNsubj);
  EXPECT_EQ(s[9].head, 3);
  EXPECT_EQ(s[9].rel, DepRel::kConj);
  EXPECT_EQ(s[7].head, 9);
  EXPECT_EQ(s[7].rel, DepRel::kCc);
  EXPECT_EQ(s[5].head, 3);  // the apposition stays the chairman's
}

// "Sources close to the palace said ...", with "close" read as the
// sources' verb; not after a verb ("..., sources close to the palace said").
TEST(ParseRepairsTest, CloseToAfterANounOpeningTheSentenceIsAnAdjective) {
  syntax::SyntaxSentence s = {W("Sources", Upos::kNoun, "NNS", 1, DepRel::kNsubj),
                              W("close", Upos::kVerb, "VBP", 5, DepRel::kCcomp),
                              W("to", Upos::kAdp, "IN", 4, DepRel::kCase),
                              W("the", Upos::kDet, "DT", 4, DepRel::kDet),
                              W("palace", Upos::kNoun, "NN", 1, DepRel::kObl),
                              W("said", Upos::kVerb, "VBD", -1, DepRel::kRoot)};
  syntax::SyntaxSentence after = {W("It", Upos::kPron, "PRP", 1, DepRel::kNsubj),
                                  W("ended", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                                  W(",", Upos::kPunct, ",", 3, DepRel::kPunct)};
  for (size_t i = 0; i < s.size(); ++i) {
    syntax::SyntaxWord x = s[i];
    x.head = x.head < 0 ? 1 : x.head + 3;
    after.push_back(x);
  }
  EXPECT_TRUE(RetagCloseTo(&s));
  EXPECT_EQ(s[1].upos, Upos::kAdj);
  EXPECT_EQ(s[1].xpos, "JJ");
  EXPECT_FALSE(RetagCloseTo(&after));
  EXPECT_EQ(after[4].upos, Upos::kVerb);
}

// "She wrote on Twitter that the plan failed", with "that" hung on
// "Twitter" and the clause on "that".
TEST(ParseRepairsTest, AThatClauseHungBelowTheSayingsObliqueIsItsComplement) {
  syntax::SyntaxSentence s = {W("She", Upos::kPron, "PRP", 1, DepRel::kNsubj),
                              W("wrote", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("on", Upos::kAdp, "IN", 3, DepRel::kCase),
                              W("Twitter", Upos::kPropn, "NNP", 1, DepRel::kObl),
                              W("that", Upos::kSconj, "IN", 3, DepRel::kFlat),
                              W("the", Upos::kDet, "DT", 6, DepRel::kDet),
                              W("plan", Upos::kNoun, "NN", 7, DepRel::kNsubj),
                              W("failed", Upos::kVerb, "VBD", 4, DepRel::kCcomp)};
  s[1].lemma = "write";
  RepairComplementAfterOblique(BundledLexicon(), &s);
  EXPECT_EQ(s[7].head, 1);
  EXPECT_EQ(s[7].rel, DepRel::kCcomp);
  EXPECT_EQ(s[4].head, 7);
  EXPECT_EQ(s[4].rel, DepRel::kMark);
}

// "The mine will close next year", with "close" read as an adverb.
TEST(ParseRepairsTest, ABareVerbAfterAModalIsTheVerb) {
  syntax::SyntaxSentence s = {W("mine", Upos::kNoun, "NN", 3, DepRel::kNsubj),
                              W("will", Upos::kAux, "MD", 3, DepRel::kAux),
                              W("close", Upos::kAdv, "RB", 3, DepRel::kAdvmod),
                              W("year", Upos::kNoun, "NN", -1, DepRel::kRoot)};
  EXPECT_TRUE(RetagVerbAfterModal(BundledLexicon(), &s));
  EXPECT_EQ(s[2].upos, Upos::kVerb);
  EXPECT_EQ(s[2].xpos, "VB");
  // "will soon close": the adverb before the verb stays one.
  syntax::SyntaxSentence soon = {W("it", Upos::kPron, "PRP", 3, DepRel::kNsubj),
                                 W("will", Upos::kAux, "MD", 3, DepRel::kAux),
                                 W("soon", Upos::kAdv, "RB", 3, DepRel::kAdvmod),
                                 W("close", Upos::kVerb, "VB", -1, DepRel::kRoot)};
  EXPECT_FALSE(RetagVerbAfterModal(BundledLexicon(), &soon));
  EXPECT_EQ(soon[2].upos, Upos::kAdv);
  // "could no longer fund clubs", "fund" read as a noun after the adverbs.
  syntax::SyntaxSentence longer = {W("it", Upos::kPron, "PRP", 4, DepRel::kNsubj),
                                   W("could", Upos::kAux, "MD", 5, DepRel::kAux),
                                   W("no", Upos::kAdv, "RB", 3, DepRel::kAdvmod),
                                   W("longer", Upos::kAdv, "RBR", 4, DepRel::kAmod),
                                   W("fund", Upos::kNoun, "NN", 5, DepRel::kCompound),
                                   W("clubs", Upos::kNoun, "NNS", -1, DepRel::kRoot)};
  EXPECT_TRUE(RetagVerbAfterModal(BundledLexicon(), &longer));
  EXPECT_EQ(longer[4].upos, Upos::kVerb);
}

// "The company, founded in 1998, employs more than 100 people" with
// "employs" a plural noun, and "A 7.6 earthquake struck central Taiwan"
// with "struck" a noun: the sentence's one verb.
TEST(ParseRepairsTest, AVerblessSentencesNounThatIsAVerbFormIsItsVerb) {
  syntax::SyntaxSentence s = {W("The", Upos::kDet, "DT", 1, DepRel::kDet),
                              W("company", Upos::kNoun, "NN", -1, DepRel::kRoot),
                              W(",", Upos::kPunct, ",", 3, DepRel::kPunct),
                              W("founded", Upos::kVerb, "VBN", 1, DepRel::kAcl),
                              W("in", Upos::kAdp, "IN", 5, DepRel::kCase),
                              W("1998", Upos::kNum, "CD", 3, DepRel::kObl),
                              W(",", Upos::kPunct, ",", 7, DepRel::kPunct),
                              W("employs", Upos::kNoun, "NNS", 5, DepRel::kConj),
                              W("more", Upos::kAdj, "JJR", 9, DepRel::kAmod),
                              W("people", Upos::kNoun, "NNS", 7, DepRel::kObj)};
  syntax::SyntaxSentence with_verb = s;
  EXPECT_TRUE(RetagVerbOfVerblessSentence(BundledLexicon(), &s));
  EXPECT_EQ(s[7].upos, Upos::kVerb);
  EXPECT_EQ(s[7].xpos, "VBZ");
  EXPECT_EQ(s[7].lemma, "employ");
  // A sentence with a finite verb keeps its nouns.
  with_verb[3].xpos = "VBD";
  EXPECT_FALSE(RetagVerbOfVerblessSentence(BundledLexicon(), &with_verb));
  syntax::SyntaxSentence quake = {W("A", Upos::kDet, "DT", 2, DepRel::kDet),
                                  W("7.6", Upos::kNum, "CD", 2, DepRel::kNummod),
                                  W("earthquake", Upos::kNoun, "NN", -1, DepRel::kRoot),
                                  W("struck", Upos::kNoun, "NN", 2, DepRel::kCompound),
                                  W("central", Upos::kAdj, "JJ", 5, DepRel::kAmod),
                                  W("Taiwan", Upos::kPropn, "NNP", 3, DepRel::kAppos)};
  EXPECT_TRUE(RetagVerbOfVerblessSentence(BundledLexicon(), &quake));
  EXPECT_EQ(quake[3].xpos, "VBD");
  EXPECT_EQ(quake[3].lemma, "strike");
}

// "the strike had cost the economy", with "cost" read as a noun after
// "had"; "had cost overruns" keeps the noun.
TEST(ParseRepairsTest, ANounAfterHaveBeforeItsObjectIsTheParticiple) {
  syntax::SyntaxSentence s = {W("strike", Upos::kNoun, "NN", 1, DepRel::kNsubj),
                              W("had", Upos::kAux, "VBD", 2, DepRel::kAux),
                              W("cost", Upos::kNoun, "NN", -1, DepRel::kRoot),
                              W("the", Upos::kDet, "DT", 4, DepRel::kDet),
                              W("economy", Upos::kNoun, "NN", 2, DepRel::kObj)};
  s[1].lemma = "have";
  syntax::SyntaxSentence overruns = s;
  EXPECT_TRUE(RetagParticipleAfterHave(BundledLexicon(), &s));
  EXPECT_EQ(s[2].upos, Upos::kVerb);
  EXPECT_EQ(s[2].xpos, "VBN");
  EXPECT_EQ(s[2].lemma, "cost");
  overruns.erase(overruns.begin() + 3);
  overruns[3].form = "overruns";
  EXPECT_FALSE(RetagParticipleAfterHave(BundledLexicon(), &overruns));
  EXPECT_EQ(overruns[2].upos, Upos::kNoun);
}

// "\"It is over,\" Lonsdale told reporters.", with "told" hung from the
// quotation's root as a relative clause.
TEST(ParseRepairsTest, TheSayingAfterAQuotationIsTheRoot) {
  syntax::SyntaxSentence s = {W("\"", Upos::kPunct, "``", 3, DepRel::kPunct),
                              W("It", Upos::kPron, "PRP", 3, DepRel::kNsubj),
                              W("is", Upos::kAux, "VBZ", 3, DepRel::kCop),
                              W("over", Upos::kAdj, "JJ", -1, DepRel::kRoot),
                              W(",", Upos::kPunct, ",", 3, DepRel::kPunct),
                              W("\"", Upos::kPunct, "''", 3, DepRel::kPunct),
                              W("Lonsdale", Upos::kPropn, "NNP", 7, DepRel::kNsubj),
                              W("told", Upos::kVerb, "VBD", 3, DepRel::kAclRelcl),
                              W("reporters", Upos::kNoun, "NNS", 7, DepRel::kIobj),
                              W(".", Upos::kPunct, ".", 3, DepRel::kPunct)};
  s[7].lemma = "tell";
  RepairQuoteThenSpeaker(BundledLexicon(), &s);
  EXPECT_EQ(s[7].head, -1);
  EXPECT_EQ(s[7].rel, DepRel::kRoot);
  EXPECT_EQ(s[3].head, 7);
  EXPECT_EQ(s[3].rel, DepRel::kCcomp);
  EXPECT_EQ(s[9].head, 7);  // the full stop follows the root
  EXPECT_EQ(s[2].head, 3);  // inside the quotation nothing moves
}

// "\"The islands are ours,\" President Galtieri told the crowd.", with the
// quotation's root the subject of "told".
TEST(ParseRepairsTest, AQuotationTakenForTheSubjectIsTheSayingsComplement) {
  syntax::SyntaxSentence s = {W("\"", Upos::kPunct, "``", 4, DepRel::kPunct),
                              W("The", Upos::kDet, "DT", 2, DepRel::kDet),
                              W("islands", Upos::kNoun, "NNS", 4, DepRel::kNsubj),
                              W("are", Upos::kAux, "VBP", 4, DepRel::kCop),
                              W("ours", Upos::kPron, "PRP", 10, DepRel::kNsubj),
                              W(",", Upos::kPunct, ",", 4, DepRel::kPunct),
                              W("\"", Upos::kPunct, "''", 4, DepRel::kPunct),
                              W("President", Upos::kPropn, "NNP", 8, DepRel::kNmodDesc),
                              W("Leopoldo", Upos::kPropn, "NNP", 10, DepRel::kNsubj),
                              W("Galtieri", Upos::kPropn, "NNP", 8, DepRel::kFlat),
                              W("told", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("the", Upos::kDet, "DT", 12, DepRel::kDet),
                              W("crowd", Upos::kNoun, "NN", 10, DepRel::kIobj),
                              W(".", Upos::kPunct, ".", 10, DepRel::kPunct)};
  s[10].lemma = "tell";
  RepairQuoteThenSpeaker(BundledLexicon(), &s);
  EXPECT_EQ(s[4].head, 10);
  EXPECT_EQ(s[4].rel, DepRel::kCcomp);
  EXPECT_EQ(s[8].rel, DepRel::kNsubj);
}

// "It could take years, said a librarian there.", with "said" a conjunct
// of "take" and "librarian" hung below "there".
TEST(ParseRepairsTest, ASayingAfterTheReportWithItsSpeakerAfterItIsTheRoot) {
  syntax::SyntaxSentence s = {W("It", Upos::kPron, "PRP", 2, DepRel::kNsubj),
                              W("could", Upos::kAux, "MD", 2, DepRel::kAux),
                              W("take", Upos::kVerb, "VB", -1, DepRel::kRoot),
                              W("years", Upos::kNoun, "NNS", 2, DepRel::kObj),
                              W(",", Upos::kPunct, ",", 5, DepRel::kPunct),
                              W("said", Upos::kVerb, "VBD", 2, DepRel::kConj),
                              W("a", Upos::kDet, "DT", 7, DepRel::kDet),
                              W("librarian", Upos::kNoun, "NN", 8, DepRel::kOblUnmarked),
                              W("there", Upos::kAdv, "RB", 5, DepRel::kAdvmod),
                              W(".", Upos::kPunct, ".", 2, DepRel::kPunct)};
  s[5].lemma = "say";
  syntax::SyntaxSentence told = s;
  RepairReportThenInvertedSaying(BundledLexicon(), &s);
  EXPECT_EQ(s[5].head, -1);
  EXPECT_EQ(s[2].head, 5);
  EXPECT_EQ(s[2].rel, DepRel::kCcomp);
  EXPECT_EQ(s[7].head, 5);
  EXPECT_EQ(s[7].rel, DepRel::kNsubj);
  EXPECT_EQ(s[9].head, 5);
  // "..., told a librarian": the phrase after "told" is its addressee.
  told[5].form = "told";
  told[5].lemma = "tell";
  RepairReportThenInvertedSaying(BundledLexicon(), &told);
  EXPECT_EQ(told[2].head, -1);
}

// "It gave more heat than a reaction could explain, said Pons, Utah's
// chemist, who did the work.", with "said" a conjunct of "gave" and
// "explain" hung from "said": the speaker's phrase may hold a possessive
// and end at a relative clause, and what hung from the saying before it
// goes back to the report.
TEST(ParseRepairsTest, AnInvertedSpeakersPhraseEndsAtARelativeClause) {
  syntax::SyntaxSentence s = {W("It", Upos::kPron, "PRP", 1, DepRel::kNsubj),
                              W("gave", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("more", Upos::kAdj, "JJR", 3, DepRel::kAmod),
                              W("heat", Upos::kNoun, "NN", 1, DepRel::kObj),
                              W("than", Upos::kAdp, "IN", 6, DepRel::kCase),
                              W("a", Upos::kDet, "DT", 6, DepRel::kDet),
                              W("reaction", Upos::kNoun, "NN", 3, DepRel::kNmod),
                              W("could", Upos::kAux, "MD", 8, DepRel::kAux),
                              W("explain", Upos::kVerb, "VB", 10, DepRel::kCcomp),
                              W(",", Upos::kPunct, ",", 10, DepRel::kPunct),
                              W("said", Upos::kVerb, "VBD", 1, DepRel::kConj),
                              W("Pons", Upos::kPropn, "NNP", 10, DepRel::kNsubj),
                              W(",", Upos::kPunct, ",", 15, DepRel::kPunct),
                              W("Utah", Upos::kPropn, "NNP", 15, DepRel::kNmodPoss),
                              W("'s", Upos::kPart, "POS", 13, DepRel::kCase),
                              W("chemist", Upos::kNoun, "NN", 11, DepRel::kAppos),
                              W(",", Upos::kPunct, ",", 18, DepRel::kPunct),
                              W("who", Upos::kPron, "WP", 18, DepRel::kNsubj),
                              W("did", Upos::kVerb, "VBD", 11, DepRel::kAclRelcl),
                              W("the", Upos::kDet, "DT", 20, DepRel::kDet),
                              W("work", Upos::kNoun, "NN", 18, DepRel::kObj),
                              W(".", Upos::kPunct, ".", 1, DepRel::kPunct)};
  s[10].lemma = "say";
  RepairReportThenInvertedSaying(BundledLexicon(), &s);
  EXPECT_EQ(s[10].head, -1);
  EXPECT_EQ(s[1].head, 10);
  EXPECT_EQ(s[1].rel, DepRel::kCcomp);
  EXPECT_EQ(s[8].head, 1);
  EXPECT_EQ(s[11].head, 10);
  EXPECT_EQ(s[11].rel, DepRel::kNsubj);
  EXPECT_EQ(s[18].head, 11);
}

// "\"It is over,\" a doctor at the hospital, Ana Ruiz, told Reuters.",
// with the quotation hung from "doctor": the speaker's phrase may have a
// preposition and an apposition.
TEST(ParseRepairsTest, AQuotationHungFromItsSpeakersNounIsTheSayingsComplement) {
  syntax::SyntaxSentence s = {W("\"", Upos::kPunct, "``", 3, DepRel::kPunct),
                              W("It", Upos::kPron, "PRP", 3, DepRel::kNsubj),
                              W("is", Upos::kAux, "VBZ", 3, DepRel::kCop),
                              W("over", Upos::kAdj, "JJ", 7, DepRel::kAcl),
                              W(",", Upos::kPunct, ",", 3, DepRel::kPunct),
                              W("\"", Upos::kPunct, "''", 3, DepRel::kPunct),
                              W("a", Upos::kDet, "DT", 7, DepRel::kDet),
                              W("doctor", Upos::kNoun, "NN", 15, DepRel::kNsubj),
                              W("at", Upos::kAdp, "IN", 10, DepRel::kCase),
                              W("the", Upos::kDet, "DT", 10, DepRel::kDet),
                              W("hospital", Upos::kNoun, "NN", 7, DepRel::kNmod),
                              W(",", Upos::kPunct, ",", 12, DepRel::kPunct),
                              W("Ana", Upos::kPropn, "NNP", 7, DepRel::kAppos),
                              W("Ruiz", Upos::kPropn, "NNP", 12, DepRel::kFlat),
                              W(",", Upos::kPunct, ",", 12, DepRel::kPunct),
                              W("told", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("Reuters", Upos::kPropn, "NNP", 15, DepRel::kIobj),
                              W(".", Upos::kPunct, ".", 15, DepRel::kPunct)};
  s[15].lemma = "tell";
  RepairQuoteThenSpeaker(BundledLexicon(), &s);
  EXPECT_EQ(s[3].head, 15);
  EXPECT_EQ(s[3].rel, DepRel::kCcomp);
  EXPECT_EQ(s[15].head, -1);
  EXPECT_EQ(s[7].head, 15);
}

// "\"We won,\" the club's coach, Ian Roy, told a packed hall.", with the
// speaker's phrase a second complement and the audience the subject: the
// phrase is the subject, the audience the object.
TEST(ParseRepairsTest, TheSpeakerPhraseAfterAQuotationIsTheSayingsSubject) {
  syntax::SyntaxSentence s = {W("\"", Upos::kPunct, "``", 2, DepRel::kPunct),
                              W("We", Upos::kPron, "PRP", 2, DepRel::kNsubj),
                              W("won", Upos::kVerb, "VBD", 13, DepRel::kCcomp),
                              W(",", Upos::kPunct, ",", 2, DepRel::kPunct),
                              W("\"", Upos::kPunct, "''", 8, DepRel::kPunct),
                              W("the", Upos::kDet, "DT", 6, DepRel::kDet),
                              W("club", Upos::kNoun, "NN", 8, DepRel::kNmodPoss),
                              W("'s", Upos::kPart, "POS", 6, DepRel::kCase),
                              W("coach", Upos::kNoun, "NN", 13, DepRel::kCcomp),
                              W(",", Upos::kPunct, ",", 10, DepRel::kPunct),
                              W("Ian", Upos::kPropn, "NNP", 8, DepRel::kAppos),
                              W("Roy", Upos::kPropn, "NNP", 10, DepRel::kFlat),
                              W(",", Upos::kPunct, ",", 10, DepRel::kPunct),
                              W("told", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("a", Upos::kDet, "DT", 16, DepRel::kDet),
                              W("packed", Upos::kAdj, "JJ", 16, DepRel::kAmod),
                              W("hall", Upos::kNoun, "NN", 13, DepRel::kNsubj),
                              W(".", Upos::kPunct, ".", 13, DepRel::kPunct)};
  s[13].lemma = "tell";
  RepairQuoteThenSpeaker(BundledLexicon(), &s);
  EXPECT_EQ(s[2].head, 13);
  EXPECT_EQ(s[2].rel, DepRel::kCcomp);
  EXPECT_EQ(s[8].head, 13);
  EXPECT_EQ(s[8].rel, DepRel::kNsubj);
  EXPECT_EQ(s[16].rel, DepRel::kObj);
}

// The three ways the parser misreads a predicative complement of a verb
// of naming; each becomes the verb's xcomp, the thing named its object.
TEST(ParseRepairsTest, ANamingVerbsComplementIsItsXcomp) {
  // "She called the shooting an attack": "attack" the object of "shooting".
  syntax::SyntaxSentence obj_of_obj = {W("She", Upos::kPron, "PRP", 1, DepRel::kNsubj),
                                       W("call", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                                       W("the", Upos::kDet, "DT", 3, DepRel::kDet),
                                       W("shooting", Upos::kVerb, "VBG", 1, DepRel::kObj),
                                       W("an", Upos::kDet, "DT", 5, DepRel::kDet),
                                       W("attack", Upos::kNoun, "NN", 3, DepRel::kObj)};
  RepairNamingComplement(BundledLexicon(), &obj_of_obj);
  EXPECT_EQ(obj_of_obj[5].head, 1);
  EXPECT_EQ(obj_of_obj[5].rel, DepRel::kXcomp);
  EXPECT_EQ(obj_of_obj[3].rel, DepRel::kObj);
  EXPECT_EQ(obj_of_obj[3].upos, Upos::kNoun);  // a gerund with "the"

  // The named thing read as the xcomp, the complement below it.
  syntax::SyntaxSentence xcomp_first = obj_of_obj;
  xcomp_first[3] = W("shooting", Upos::kNoun, "NN", 1, DepRel::kXcomp);
  xcomp_first[5] = W("attack", Upos::kNoun, "NN", 3, DepRel::kObj);
  RepairNamingComplement(BundledLexicon(), &xcomp_first);
  EXPECT_EQ(xcomp_first[3].rel, DepRel::kObj);
  EXPECT_EQ(xcomp_first[5].head, 1);
  EXPECT_EQ(xcomp_first[5].rel, DepRel::kXcomp);

  // "described the plan as a disaster": "as" phrase hung from the verb.
  syntax::SyntaxSentence as = {W("He", Upos::kPron, "PRP", 1, DepRel::kNsubj),
                               W("describe", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                               W("the", Upos::kDet, "DT", 3, DepRel::kDet),
                               W("plan", Upos::kNoun, "NN", 1, DepRel::kObj),
                               W("as", Upos::kAdp, "IN", 6, DepRel::kCase),
                               W("a", Upos::kDet, "DT", 6, DepRel::kDet),
                               W("disaster", Upos::kNoun, "NN", 1, DepRel::kObl)};
  RepairNamingComplement(BundledLexicon(), &as);
  EXPECT_EQ(as[6].head, 1);
  EXPECT_EQ(as[6].rel, DepRel::kXcomp);

  // "called the result a victory": the complement an apposition with no
  // comma.
  syntax::SyntaxSentence appos = obj_of_obj;
  appos[3] = W("result", Upos::kNoun, "NN", 1, DepRel::kObj);
  appos[5] = W("victory", Upos::kNoun, "NN", 3, DepRel::kAppos);
  RepairNamingComplement(BundledLexicon(), &appos);
  EXPECT_EQ(appos[5].head, 1);
  EXPECT_EQ(appos[5].rel, DepRel::kXcomp);

  // No verb of naming, no change: "He sent the plan as a draft" keeps its
  // oblique.
  syntax::SyntaxSentence sent = as;
  sent[1] = W("send", Upos::kVerb, "VBD", -1, DepRel::kRoot);
  sent[6] = W("disaster", Upos::kNoun, "NN", 1, DepRel::kObl);
  RepairNamingComplement(BundledLexicon(), &sent);
  EXPECT_EQ(sent[6].rel, DepRel::kObl);
}

// "She is devastated": a state; "She was shocked by the verdict": a
// passive event, kept.
TEST(ParseRepairsTest, AnEmotionsParticipleAfterBeIsAState) {
  syntax::SyntaxSentence s = {W("She", Upos::kPron, "PRP", 2, DepRel::kNsubjPass),
                              W("is", Upos::kAux, "VBZ", 2, DepRel::kAuxPass),
                              W("devastated", Upos::kVerb, "VBN", -1, DepRel::kRoot)};
  s[1].lemma = "be";
  s[2].lemma = "devastate";
  RepairStateParticiple(BundledLexicon(), &s);
  EXPECT_EQ(s[2].upos, Upos::kAdj);
  EXPECT_EQ(s[1].rel, DepRel::kCop);
  EXPECT_EQ(s[0].rel, DepRel::kNsubj);

  syntax::SyntaxSentence agent = {W("She", Upos::kPron, "PRP", 2, DepRel::kNsubjPass),
                                  W("was", Upos::kAux, "VBD", 2, DepRel::kAuxPass),
                                  W("shocked", Upos::kVerb, "VBN", -1, DepRel::kRoot),
                                  W("by", Upos::kAdp, "IN", 5, DepRel::kCase),
                                  W("the", Upos::kDet, "DT", 5, DepRel::kDet),
                                  W("verdict", Upos::kNoun, "NN", 2, DepRel::kOblAgent)};
  agent[1].lemma = "be";
  agent[2].lemma = "shock";
  RepairStateParticiple(BundledLexicon(), &agent);
  EXPECT_EQ(agent[2].upos, Upos::kVerb);
  EXPECT_EQ(agent[1].rel, DepRel::kAuxPass);

  // "It is devastating": a state; "It is worrying investors": an event.
  syntax::SyntaxSentence ing = {W("It", Upos::kPron, "PRP", 2, DepRel::kNsubj),
                                W("is", Upos::kAux, "VBZ", 2, DepRel::kAux),
                                W("devastating", Upos::kVerb, "VBG", -1, DepRel::kRoot)};
  ing[1].lemma = "be";
  ing[2].lemma = "devastate";
  syntax::SyntaxSentence with_object = ing;
  with_object[2].lemma = "worry";
  with_object.push_back(W("investors", Upos::kNoun, "NNS", 2, DepRel::kObj));
  RepairStateParticiple(BundledLexicon(), &ing);
  RepairStateParticiple(BundledLexicon(), &with_object);
  EXPECT_EQ(ing[2].upos, Upos::kAdj);
  EXPECT_EQ(ing[1].rel, DepRel::kCop);
  EXPECT_EQ(with_object[2].upos, Upos::kVerb);

  // No verb of emotion: "The bill was passed" stays a passive.
  syntax::SyntaxSentence passed = s;
  passed[2] = W("passed", Upos::kVerb, "VBN", -1, DepRel::kRoot);
  passed[2].lemma = "pass";
  passed[1].rel = DepRel::kAuxPass;
  passed[0].rel = DepRel::kNsubjPass;
  RepairStateParticiple(BundledLexicon(), &passed);
  EXPECT_EQ(passed[2].upos, Upos::kVerb);
}

// "premier , Daniel Suidani , has accused": the apposition hung from the
// comma hangs from the comma's head; a word below itself is never its head.
TEST(ParseRepairsTest, AWordHungFromPunctuationHangsFromItsHead) {
  syntax::SyntaxSentence s = {W("premier", Upos::kNoun, "NN", 5, DepRel::kNsubj),
                              W(",", Upos::kPunct, ",", 0, DepRel::kPunct),
                              W("Daniel", Upos::kPropn, "NNP", 1, DepRel::kAppos),
                              W("Suidani", Upos::kPropn, "NNP", 2, DepRel::kFlat),
                              W(",", Upos::kPunct, ",", 0, DepRel::kPunct),
                              W("accused", Upos::kVerb, "VBD", -1, DepRel::kRoot)};
  RepairChildrenOfPunctuation(&s);
  EXPECT_EQ(s[2].head, 0);
  EXPECT_EQ(s[2].rel, DepRel::kAppos);
  EXPECT_EQ(s[3].head, 2);

  // A comma hung below the word it heads: no cycle is made.
  syntax::SyntaxSentence loop = {W("a", Upos::kNoun, "NN", 1, DepRel::kNsubj),
                                 W(",", Upos::kPunct, ",", 2, DepRel::kPunct),
                                 W("b", Upos::kNoun, "NN", 0, DepRel::kAppos),
                                 W("c", Upos::kVerb, "VBD", -1, DepRel::kRoot)};
  loop[0].head = 3;
  loop[2].head = 1;
  loop[1].head = 0;
  RepairChildrenOfPunctuation(&loop);
  EXPECT_EQ(loop[2].head, 0);
  syntax::SyntaxSentence self = {W("x", Upos::kNoun, "NN", 1, DepRel::kNsubj),
                                 W(",", Upos::kPunct, ",", 0, DepRel::kPunct),
                                 W("v", Upos::kVerb, "VBD", -1, DepRel::kRoot)};
  RepairChildrenOfPunctuation(&self);
  EXPECT_EQ(self[0].head, 1);  // its own descendant heads it: unchanged
}

// "None were hurt , a spokesman said": the first of the saying's two
// subjects, a clause with its own subject before a comma, is its content.
TEST(ParseRepairsTest, AClauseTakenForAPostposedSayingsSubjectIsItsContent) {
  syntax::SyntaxSentence s = {W("None", Upos::kPron, "NN", 2, DepRel::kNsubj),
                              W("were", Upos::kAux, "VBD", 2, DepRel::kCop),
                              W("hurt", Upos::kAdj, "JJ", 6, DepRel::kNsubj),
                              W(",", Upos::kPunct, ",", 5, DepRel::kPunct),
                              W("a", Upos::kDet, "DT", 5, DepRel::kDet),
                              W("spokesman", Upos::kNoun, "NN", 6, DepRel::kNsubj),
                              W("said", Upos::kVerb, "VBD", -1, DepRel::kRoot)};
  s[6].lemma = "say";
  RepairContentTakenForSubject(BundledLexicon(), &s);
  EXPECT_EQ(s[2].rel, DepRel::kCcomp);
  EXPECT_EQ(s[5].rel, DepRel::kNsubj);
  // One subject: nothing changes.
  syntax::SyntaxSentence one = s;
  one[2].rel = DepRel::kCcomp;
  one[2].head = 6;
  RepairContentTakenForSubject(BundledLexicon(), &one);
  EXPECT_EQ(one[5].rel, DepRel::kNsubj);
}

// "told a conference that S1, and that S2": S1 hung on the addressee is
// the saying's complement and S2, the complement the parser found, its
// conjunct.
TEST(ParseRepairsTest, AThatClauseOnTheAddresseeIsTheSayingsComplement) {
  syntax::SyntaxSentence s = {W("He", Upos::kPron, "PRP", 1, DepRel::kNsubj),
                              W("told", Upos::kVerb, "VBD", -1, DepRel::kRoot),
                              W("reporters", Upos::kNoun, "NNS", 1, DepRel::kIobj),
                              W("that", Upos::kSconj, "IN", 5, DepRel::kMark),
                              W("prices", Upos::kNoun, "NNS", 5, DepRel::kNsubj),
                              W("rose", Upos::kVerb, "VBD", 2, DepRel::kAcl),
                              W("and", Upos::kCconj, "CC", 9, DepRel::kCc),
                              W("that", Upos::kSconj, "IN", 9, DepRel::kMark),
                              W("wages", Upos::kNoun, "NNS", 9, DepRel::kNsubj),
                              W("fell", Upos::kVerb, "VBD", 1, DepRel::kCcomp)};
  s[1].lemma = "tell";
  RepairComplementAfterOblique(BundledLexicon(), &s);
  EXPECT_EQ(s[5].head, 1);
  EXPECT_EQ(s[5].rel, DepRel::kCcomp);
  EXPECT_EQ(s[9].head, 5);
  EXPECT_EQ(s[9].rel, DepRel::kConj);
}

}  // namespace
}  // namespace claims
