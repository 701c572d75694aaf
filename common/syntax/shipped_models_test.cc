// The shipped models (knowledge/models) on sentences written for this test,
// annotated by hand before the models were run on them. Whole-corpus
// figures are checked by the models_as_recorded test.
#include <cstdlib>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "common/syntax/syntax_models.h"
#include "common/util/bundled_data.h"
#include "gtest/gtest.h"

namespace claims::syntax {
namespace {

class ShippedModelsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<SyntaxModels> m = SyntaxModels::Load(BundledDataDir() + "/models");
    ASSERT_TRUE(m.ok()) << m.status();
    models_ = new SyntaxModels(*std::move(m));
  }
  static void TearDownTestSuite() { delete models_; }

  // The words of a sentence given as space-separated words, unanalysed.
  static SyntaxSentence Words(absl::string_view text) {
    SyntaxSentence s;
    for (absl::string_view w : absl::StrSplit(text, ' ')) {
      SyntaxWord word;
      word.form = std::string(w);
      s.push_back(std::move(word));
    }
    return s;
  }
  // Analyses a sentence given as space-separated words (with `models`, or
  // the shipped ones).
  static SyntaxSentence Analyze(absl::string_view text, const SyntaxModels* models = nullptr) {
    SyntaxSentence s = Words(text);
    (models != nullptr ? models : models_)->Analyze(&s);
    return s;
  }
  static int Find(const SyntaxSentence& s, const std::string& form) {
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i].form == form) return static_cast<int>(i);
    }
    ADD_FAILURE() << "no word " << form;
    return 0;
  }

  static SyntaxModels* models_;
};
SyntaxModels* ShippedModelsTest::models_ = nullptr;

// Sentences and the analyses a reader gives them, written before the models
// were run. What the models miss is printed; the count of expectations met
// may not fall below the recorded one (a regression gate, not a claim that
// the models are right on all of them).
struct Expectation {
  std::string dep;   // word
  std::string rel;   // relation to its head, or "root"
  std::string head;  // head word ("" for the root)
};
struct WrittenSentence {
  std::string text;
  std::vector<Expectation> arcs;
  std::vector<std::pair<std::string, std::string>> lemmas;
};

const std::vector<WrittenSentence>& Written() {
  static const auto* kSentences = new std::vector<WrittenSentence>{
      {"Police said Ferguson posed a danger to the public .",
       {{"said", "root", ""}, {"Police", "nsubj", "said"}, {"posed", "ccomp", "said"},
        {"Ferguson", "nsubj", "posed"}, {"danger", "obj", "posed"}},
       {{"said", "say"}, {"posed", "pose"}}},
      {"Labour will not back the bill , Mr Brown said .",
       {{"back", "root", ""}, {"Labour", "nsubj", "back"}, {"bill", "obj", "back"},
        {"not", "advmod", "back"}, {"said", "parataxis", "back"}, {"Brown", "nsubj", "said"}},
       {}},
      {"The bill was passed by Parliament on Tuesday .",
       {{"passed", "root", ""}, {"bill", "nsubj:pass", "passed"},
        {"was", "aux:pass", "passed"}, {"Parliament", "obl:agent", "passed"}},
       {{"passed", "pass"}, {"was", "be"}}},
      {"Shares in Siemens fell on Monday .",
       {{"fell", "root", ""}, {"Shares", "nsubj", "fell"}, {"Siemens", "nmod", "Shares"}},
       {{"fell", "fall"}, {"Shares", "share"}}},
      {"Borne told reporters that the talks had failed .",
       {{"told", "root", ""}, {"Borne", "nsubj", "told"}, {"failed", "ccomp", "told"},
        {"talks", "nsubj", "failed"}},
       {{"told", "tell"}, {"failed", "fail"}}},
      {"The summit opened on May 2 , 2024 .",
       {{"opened", "root", ""}, {"May", "obl", "opened"}},
       {}},
      {"Israel struck Gaza and Hezbollah fired rockets .",
       {{"struck", "root", ""}, {"Israel", "nsubj", "struck"}, {"Gaza", "obj", "struck"},
        {"fired", "conj", "struck"}, {"Hezbollah", "nsubj", "fired"},
        {"rockets", "obj", "fired"}},
       {{"struck", "strike"}, {"fired", "fire"}}},
  };
  return *kSentences;
}

TEST_F(ShippedModelsTest, WrittenSentences) {
  int met = 0, total = 0;
  for (const WrittenSentence& w : Written()) {
    const SyntaxSentence s = Analyze(w.text);
    for (const Expectation& e : w.arcs) {
      ++total;
      const SyntaxWord& d = s[Find(s, e.dep)];
      const std::string head = d.head < 0 ? "" : s[d.head].form;
      const std::string rel(d.head < 0 ? "root" : DepRelName(d.rel));
      if (head == e.head && rel == e.rel) {
        ++met;
      } else {
        std::printf("miss: \"%s\": %s --%s--> %s, expected --%s--> %s\n", w.text.c_str(),
                    e.dep.c_str(), rel.c_str(), head.c_str(), e.rel.c_str(), e.head.c_str());
      }
    }
    for (const auto& [form, lemma] : w.lemmas) {
      ++total;
      const std::string got = s[Find(s, form)].lemma;
      if (got == lemma) {
        ++met;
      } else {
        std::printf("miss: lemma of %s is %s, expected %s\n", form.c_str(), got.c_str(),
                    lemma.c_str());
      }
    }
  }
  std::printf("%d of %d expectations met\n", met, total);
  // Recorded with the models of knowledge/models/scores.json (33 with the
  // arc-hybrid-3 parser; its successor roots "..., Mr Brown said ." at
  // "said", as EWT often does, and misses the parataxis).
  EXPECT_GE(met, 32) << "of " << total;
}

TEST_F(ShippedModelsTest, MonthNameIsNotAModal) {
  const SyntaxSentence s = Analyze("The summit opened on May 2 , 2024 .");
  EXPECT_EQ(s[Find(s, "May")].upos, Upos::kPropn);
  const SyntaxSentence t = Analyze("Shares in Siemens fell on Monday .");
  EXPECT_EQ(t[Find(t, "Shares")].upos, Upos::kNoun);
  EXPECT_EQ(t[Find(t, "fell")].upos, Upos::kVerb);
}

TEST_F(ShippedModelsTest, ACapitalizedWordTheVerbDictionaryLacksIsNoVerb) {
  const std::string text = "Emirates denied the report .";
  PosTagger::TagDictionary dictionary;
  dictionary.is_verb_form = [](absl::string_view w) { return w == "denied" || w == "reported"; };
  SyntaxSentence s = Words(text);
  models_->tagger().Tag(&s, &dictionary);
  EXPECT_NE(s[0].xpos.substr(0, 2), "VB") << s[0].xpos;
  EXPECT_EQ(s[1].upos, Upos::kVerb);  // lower-case words are never constrained
}

TEST_F(ShippedModelsTest, APluralOfADictionaryWordThatIsNoVerbFormIsNoVerb) {
  SyntaxSentence s = Words(
      "Archaeologists have long complained that looters dig up thousands of graves along the "
      "desert coast .");
  PosTagger::TagDictionary dictionary;
  dictionary.is_verb_form = [](absl::string_view w) {
    return w == "have" || w == "complained" || w == "dig";
  };
  dictionary.is_word = [](absl::string_view w) { return w == "looter" || w == "grave"; };
  SyntaxSentence plain = s;
  models_->tagger().Tag(&plain);
  models_->tagger().Tag(&s, &dictionary);
  const auto looters = static_cast<size_t>(Find(s, "looters"));
  EXPECT_EQ(s[looters].upos, Upos::kNoun) << s[looters].xpos << " (without: "
                                         << plain[looters].xpos << ")";
  EXPECT_EQ(s[Find(s, "dig")].upos, Upos::kVerb);
}

TEST_F(ShippedModelsTest, AFormThatIsOnlyAVerbsIsAVerb) {
  SyntaxSentence s = Words("Germany 's economy shrank by 0.3 % in 2023 , the office said .");
  PosTagger::TagDictionary dictionary;
  dictionary.is_verb_form = [](absl::string_view w) { return w == "shrank" || w == "said"; };
  dictionary.is_verb_only = [](absl::string_view w) { return w == "shrank"; };
  SyntaxSentence plain = s;
  models_->tagger().Tag(&plain);
  models_->tagger().Tag(&s, &dictionary);
  const auto shrank = static_cast<size_t>(Find(s, "shrank"));
  EXPECT_EQ(s[shrank].upos, Upos::kVerb) << s[shrank].xpos << " (without: "
                                         << plain[shrank].xpos << ")";
}

TEST_F(ShippedModelsTest, NoBaseOrFiniteVerbFormRightAfterBe) {
  // Without the rule the greedy tagger reads "fit" as VB or VBP here.
  const SyntaxSentence s =
      Analyze("The judge said Sharif was no longer fit to be a member of parliament .");
  const std::string& fit = s[Find(s, "fit")].xpos;
  EXPECT_TRUE(fit == "JJ" || fit == "VBN") << fit;
  // A pseudo-cleft names the base form after "be".
  const SyntaxSentence t = Analyze("All you have to do is sign up for the course .");
  EXPECT_EQ(t[Find(t, "sign")].xpos, "VB");
  const SyntaxSentence u = Analyze("The bridge was closed on Monday .");
  EXPECT_EQ(u[Find(u, "closed")].xpos, "VBN");
}

TEST_F(ShippedModelsTest, StraightQuotationMarksOpenAndCloseInTurn) {
  const SyntaxSentence s = Analyze(
      "\" This is a huge victory , \" Urgenda 's director , Marjan Minnesma , told reporters .");
  EXPECT_EQ(s[0].xpos, "``");
  EXPECT_EQ(s[7].xpos, "''");
  // An odd count (a quotation running on from the sentence before) is left
  // to the tagger.
  const SyntaxSentence t = Analyze("We will win , \" he said .");
  EXPECT_EQ(t[4].upos, Upos::kPunct);
}

TEST_F(ShippedModelsTest, ACapitalizedKnownPersonsNameIsNoVerb) {
  SyntaxSentence s = Words("Trump wrote on his platform that the call had been productive .");
  PosTagger::TagDictionary dictionary;
  dictionary.is_verb_form = [](absl::string_view w) {
    return w == "trump" || w == "wrote" || w == "had" || w == "been";
  };
  dictionary.is_name = [](absl::string_view w) { return w == "Trump"; };
  models_->tagger().Tag(&s, &dictionary);
  EXPECT_NE(s[0].xpos.substr(0, 2), "VB") << s[0].xpos;
  EXPECT_EQ(s[1].upos, Upos::kVerb);
}

TEST_F(ShippedModelsTest, AVerbTheDictionaryKnowsTakesItsLemmaFromIt) {
  SyntaxModels models = *models_;
  models.set_verb_lexicon([](absl::string_view w, absl::string_view) -> std::string {
    return w == "misled" ? "mislead" : "";
  });
  SyntaxSentence s = Words("The minister misled parliament .");
  models.Analyze(&s);
  ASSERT_EQ(s[2].upos, Upos::kVerb);
  EXPECT_EQ(s[2].lemma, "mislead");
  EXPECT_EQ(s[1].lemma, "minister");  // words it does not know keep theirs
}

TEST_F(ShippedModelsTest, APrefixedVerbTakesTheLemmaOfItsLastPart) {
  SyntaxModels models = *models_;
  models.set_verb_lexicon([](absl::string_view w, absl::string_view) -> std::string {
    return w == "reporting" ? "report" : "";
  });
  SyntaxSentence s = Words("The firm has been under-reporting its profits for years .");
  models.Analyze(&s);
  ASSERT_EQ(s[4].upos, Upos::kVerb);
  EXPECT_EQ(s[4].lemma, "under-report");
}

TEST_F(ShippedModelsTest, AClauseWithoutAFiniteVerbTakesThePastTenseAfterItsSubject) {
  SyntaxModels models = *models_;
  models.set_verb_lexicon([](absl::string_view w, absl::string_view) -> std::string {
    return w == "rejected" ? "reject" : "";
  });
  SyntaxSentence s = Words("Germany 's finance minister rejected calls for more spending .");
  models.Analyze(&s);
  EXPECT_EQ(s[4].xpos, "VBD");
  EXPECT_EQ(s[4].head, -1);  // the verb is the root, "calls" its object
  EXPECT_EQ(s[5].rel, DepRel::kObj);
}

TEST_F(ShippedModelsTest, AClauseBeforeAPostposedSayingTakesThePastTense) {
  SyntaxModels models = *models_;
  models.set_verb_lexicon([](absl::string_view w, absl::string_view) -> std::string {
    if (w == "entered") return "enter";
    return w == "said" ? "say" : "";
  });
  SyntaxSentence s = Words(
      "The United Arab Emirates ' Hope probe entered orbit around Mars on Tuesday , making "
      "the country the fifth to reach the planet , the space centre said .");
  models.Analyze(&s);
  EXPECT_EQ(s[Find(s, "entered")].xpos, "VBD");
}

TEST_F(ShippedModelsTest, AParticipleClosingAClauseWithoutAVerbIsThePastTense) {
  SyntaxModels models = *models_;
  models.set_verb_lexicon([](absl::string_view w, absl::string_view) -> std::string {
    return w == "estimated" ? "estimate" : w == "arrive" ? "arrive" : "";
  });
  auto analyse = [&](absl::string_view text) { return Analyze(text, &models); };
  // Postposed attribution, and a verb before "that".
  SyntaxSentence s = analyse("More migrants could arrive this year , the ministry estimated .");
  EXPECT_EQ(s[9].xpos, "VBD");
  s = analyse("The ministry estimated that more migrants could arrive .");
  EXPECT_EQ(s[2].xpos, "VBD");
  // A participle inside a clause that has its verb stays one.
  s = analyse("The ministry has estimated the cost .");
  EXPECT_EQ(s[3].xpos, "VBN");
}

TEST_F(ShippedModelsTest, AParticipleAfterAnAppositionToTheSubjectIsThePastTense) {
  SyntaxModels models = *models_;
  models.set_verb_lexicon([](absl::string_view w, absl::string_view) -> std::string {
    if (w == "warned") return "warn";
    if (w == "injured") return "injure";
    if (w == "taken") return "take";
    if (w == "denied") return "deny";
    return "";
  });
  auto analyse = [&](absl::string_view text) { return Analyze(text, &models); };
  SyntaxSentence s = analyse(
      "Sedibeng Foods , a grocery chain with 310 stores , warned on Wednesday that sales "
      "would fall .");
  EXPECT_EQ(s[10].xpos, "VBD");
  EXPECT_EQ(s[10].head, -1);
  // The comma that opens the apposition is no such place.
  s = analyse("The man , injured in the blast , was taken to hospital .");
  EXPECT_EQ(s[3].xpos, "VBN");
  // The apposition may be a relative clause with its own verb.
  s = analyse("Gutierrez , who is in Brazil , denied having any role in the uprising .");
  EXPECT_EQ(s[7].xpos, "VBD");
  EXPECT_EQ(s[7].head, -1);
}

// The lemmatizer remembers the lemmas it computed (by form, UPOS and
// XPOS): a remembered lemma is the one the model gives, and the same form
// under other tags is not taken from the memo.
TEST_F(ShippedModelsTest, RememberedLemmasAreTheModelsAndKeyedByTags) {
  auto word = [](const std::string& form, Upos upos, const std::string& xpos) {
    SyntaxWord w;
    w.form = form;
    w.upos = upos;
    w.xpos = xpos;
    return w;
  };
  const SyntaxSentence words = {word("saw", Upos::kVerb, "VBD"), word("saw", Upos::kNoun, "NN"),
                                word("leaves", Upos::kVerb, "VBZ"),
                                word("leaves", Upos::kNoun, "NNS"),
                                word("Leaves", Upos::kNoun, "NNS")};
  // A lemmatizer of its own, so that nothing is remembered yet.
  absl::StatusOr<Lemmatizer> fresh =
      Lemmatizer::Load(BundledDataDir() + "/models/" + SyntaxModels::kLemmatizerFile);
  ASSERT_TRUE(fresh.ok()) << fresh.status();
  SyntaxSentence first = words;
  fresh->Lemmatize(&first);  // computed
  SyntaxSentence again = words;
  fresh->Lemmatize(&again);  // remembered
  const std::vector<std::string> expected = {"see", "saw", "leave", "leaf", "leaf"};
  for (size_t i = 0; i < words.size(); ++i) {
    EXPECT_EQ(first[i].lemma, expected[i]) << words[i].form << " " << words[i].xpos;
    EXPECT_EQ(again[i].lemma, expected[i]) << words[i].form << " " << words[i].xpos;
    EXPECT_EQ(fresh->LemmaOf(words[i]), expected[i]);
  }
}

}  // namespace
}  // namespace claims::syntax
